// Every Vietnamese string of the site; its shape is the contract the English dictionary must match.
export const vi = {
  languageName: 'Tiếng Việt',
  site: {
    name: 'Hạ Long thông minh',
    tagline: 'Du lịch thông minh Quảng Ninh',
  },
  skipLink: 'Bỏ qua đến nội dung chính',
  navigation: {
    label: 'Điều hướng chính',
    home: 'Trang chủ',
    boats: 'Tàu tham quan',
  },
  languageSwitch: {
    label: 'Ngôn ngữ',
  },
  footer: {
    programme: 'Một phần của chương trình thành phố thông minh tỉnh Quảng Ninh.',
    dataSource:
      'Thông tin tuyến và phí được lấy từ các thông báo công khai của Ban Quản lý vịnh Hạ Long; tọa độ chỉ là gần đúng.',
  },
  home: {
    title: 'Trang chủ',
    description:
      'Nền tảng du lịch thông minh của tỉnh Quảng Ninh: bảo tàng ảo, tàu tham quan Vịnh Hạ Long, giám sát an toàn, Wi-Fi miễn phí và dự báo cho nhà quản lý.',
    heroEyebrow: 'Du lịch thông minh Quảng Ninh',
    heroHeading: 'Vịnh Hạ Long: thông tin chính thức, chuyến đi an toàn hơn',
    heroText:
      'Một nền tảng chung cho du khách, chủ tàu và cơ quan quản lý: tra cứu tuyến và phí tham quan, đặt chỗ trên tàu, theo dõi tàu trên vịnh và kết nối Internet miễn phí trong thành phố.',
    heroAction: 'Xem các tuyến tàu tham quan',
    servicesHeading: 'Các dịch vụ của nền tảng',
    inDevelopment: 'Đang phát triển',
    services: {
      museum: {
        name: 'Bảo tàng ảo 3D',
        description:
          'Tham quan các phòng trưng bày và hiện vật của Bảo tàng Quảng Ninh dưới dạng mô hình 3D ngay trên trình duyệt, có thuyết minh tiếng Việt và tiếng Anh.',
      },
      boats: {
        name: 'Đặt tàu tham quan Vịnh Hạ Long',
        description:
          'Tra cứu các tuyến tham quan chính thức với điểm dừng, thời gian và phí tham quan, rồi đặt chỗ trên những con tàu không bao giờ chở quá số khách được cấp phép.',
        action: 'Xem các tuyến tàu',
      },
      tracking: {
        name: 'Theo dõi tàu và an toàn',
        description:
          'Vị trí của từng tàu hiện trên bản đồ trực tiếp, và khi tàu mất tín hiệu, phát SOS hay ra khỏi vùng cho phép, cơ quan quản lý được báo trong vòng một phút.',
      },
      wifi: {
        name: 'Wi-Fi miễn phí toàn thành phố',
        description:
          'Truy cập Internet miễn phí tại 107 điểm phát sóng công cộng ở Hạ Long sau một bước đăng nhập ngắn trên trang chào.',
      },
      insights: {
        name: 'Bảng điều hành cho nhà quản lý du lịch',
        description:
          'Lượng khách, công suất tàu và dự báo nhu cầu theo mùa, dịp lễ và Tết giúp cơ quan quản lý du lịch chủ động chuẩn bị.',
      },
    },
  },
  boats: {
    title: 'Tàu tham quan Vịnh Hạ Long',
    description:
      'Các tuyến tham quan chính thức của Vịnh Hạ Long: điểm dừng, thời gian và phí tham quan của từng tuyến.',
    heading: 'Tàu tham quan Vịnh Hạ Long',
    intro:
      'Ban Quản lý vịnh Hạ Long đánh số chính thức các tuyến tham quan. Dưới đây là điểm dừng, thời gian thường gặp và phí tham quan của từng tuyến.',
    feeNote:
      'Phí tham quan vịnh được thu riêng, không bao gồm giá vé tàu. Mức phí do tỉnh Quảng Ninh quyết định và có thể thay đổi.',
    routeList: {
      routesHeading: 'Các tuyến tham quan',
      noRoutes: 'Chưa có tuyến nào được công bố.',
      routeLabel: 'Tuyến',
      stopsLabel: 'Điểm dừng',
      durationLabel: 'Thời gian',
      feeLabel: 'Phí tham quan',
      perPerson: '/ người',
      perPersonPerDay: '/ người / ngày',
      sightseeingComponent: 'phí tham quan',
      portComponent: 'phí cảng',
      feeUnpublished: 'Chưa công bố — hỏi tại quầy',
      chargedSince: 'Thu phí từ {date}',
      discountsApply: 'Xem các trường hợp miễn, giảm phí',
      feePolicyHeading: 'Miễn, giảm phí tham quan',
      free: 'Miễn phí',
      percentOff: 'Giảm {percent}',
    },
    departures: {
      title: 'Tìm chuyến tàu',
      description:
        'Các chuyến tàu tham quan vịnh Hạ Long theo ngày: giờ khởi hành, tàu, số chỗ còn trống và giá vé theo từng đối tượng.',
      heading: 'Tìm chuyến tàu',
      intro:
        'Chọn ngày, tuyến và số người để xem các chuyến còn chỗ. Giá đã gồm phí tham quan vịnh và giá vé tàu.',
      searchLink: 'Tìm chuyến tàu theo ngày',
      form: {
        legend: 'Tìm chuyến',
        date: 'Ngày đi',
        route: 'Tuyến',
        anyRoute: 'Mọi tuyến',
        port: 'Cảng xuất phát',
        anyPort: 'Mọi cảng',
        passengers: 'Số người',
        submit: 'Tìm chuyến',
      },
      invalid: 'Vui lòng kiểm tra lại: {fields}.',
      fieldNames: { date: 'ngày đi', route: 'tuyến', port: 'cảng', passengers: 'số người (1–60)' },
      resultsHeading: 'Các chuyến ngày {date}',
      noResults:
        'Không còn chuyến nào đủ chỗ cho lựa chọn này. Hãy thử ngày khác, tuyến khác hoặc ít người hơn.',
      departsAt: 'Khởi hành',
      boat: 'Tàu',
      seatsLeft: '{count} chỗ trống',
      capacity: 'sức chở được cấp phép {count} khách',
      pricesHeading: 'Giá mỗi người',
      feeNotIncluded: 'Chỉ gồm giá vé tàu: phí tham quan của tuyến này chưa được công bố.',
      categories: {
        adult: 'Người lớn',
        'child-7-to-12': 'Trẻ em 7–12 tuổi',
        'child-under-7': 'Trẻ em dưới 7 tuổi hoặc dưới 1,2 m',
        'vietnamese-senior-60': 'Người Việt Nam từ 60 tuổi',
        'severe-disability': 'Người khuyết tật đặc biệt nặng',
      },
    },
    routePage: {
      title: 'Tuyến {number}: {name}',
      description: '{summary} Điểm dừng: {stops}. {duration}. Phí tham quan: {fee}.',
      backToRoutes: '← Tất cả các tuyến tham quan',
      stopsHeading: 'Các điểm dừng theo thứ tự',
      positionUnpublished: 'chưa công bố vị trí',
      departureHeading: 'Nơi tàu xuất phát',
      anyPort: 'Tùy đơn vị khai thác tàu, tuyến này xuất phát từ một trong các cảng hành khách của vịnh:',
      coordinates: 'Tọa độ (gần đúng)',
    },
  },
  booking: {
    newTitle: 'Đặt chỗ: {route}, {time} ngày {date}',
    description:
      'Đặt chỗ trên chuyến tàu tham quan vịnh Hạ Long: hành khách, giấy tờ tuỳ thân và thanh toán trực tuyến.',
    bookLink: 'Đặt chỗ',
    backToSearch: '← Chọn chuyến khác',
    departureHeading: 'Chuyến tàu',
    partyLegend: 'Bao nhiêu người đi?',
    partyHint: 'Tối đa {max} người một lần đặt. Trẻ em đi cùng ít nhất một người lớn.',
    continue: 'Tiếp tục',
    changeParty: 'Đổi số người',
    partyInvalid: 'Hãy chọn từ 1 đến {max} hành khách.',
    passengersHeading: 'Thông tin hành khách',
    passengersIntro:
      'Theo quy định từ ngày 10/12/2025, mỗi vé ghi danh tính của từng hành khách. Nhập đúng như trên giấy tờ; mang theo giấy tờ khi lên tàu.',
    passengerLegend: 'Hành khách {number}: {category}',
    fullName: 'Họ và tên',
    documentType: 'Loại giấy tờ',
    citizenId: 'Căn cước công dân / mã định danh (12 số)',
    passport: 'Hộ chiếu',
    documentNumber: 'Số giấy tờ',
    nationality: 'Quốc tịch (mã 2 chữ cái, ví dụ VN, FR)',
    guardianLegend: 'Người giám hộ của trẻ',
    guardianName: 'Họ và tên người giám hộ',
    guardianDocument: 'Số CCCD hoặc hộ chiếu của người giám hộ',
    guardianPhone: 'Số điện thoại người giám hộ',
    contactLegend: 'Liên hệ nhận vé',
    email: 'Thư điện tử',
    phone: 'Số điện thoại',
    totalLabel: 'Tổng cộng',
    submit: 'Giữ chỗ và sang thanh toán',
    holdNote: 'Chỗ được giữ {minutes} phút để bạn thanh toán.',
    errorSummary: 'Chưa đặt được chỗ: vui lòng sửa {count} mục bên dưới.',
    problems: {
      required: 'Vui lòng điền mục này.',
      fullName: 'Ghi họ tên như trên giấy tờ (chỉ chữ cái, dấu cách, dấu gạch nối).',
      citizenId: 'Số căn cước công dân gồm đúng 12 chữ số.',
      passport: 'Số hộ chiếu gồm 6 đến 12 chữ cái và chữ số.',
      citizenIdNationality: 'Căn cước công dân Việt Nam thì quốc tịch là VN.',
      nationality: 'Nhập mã quốc gia gồm 2 chữ cái, ví dụ VN, FR, KR.',
      seniorNationality: 'Giá người cao tuổi chỉ áp dụng cho công dân Việt Nam từ 60 tuổi (quốc tịch VN).',
      guardian: 'Trẻ em cần thông tin người giám hộ: họ tên, số giấy tờ và số điện thoại.',
      email: 'Nhập địa chỉ thư điện tử, ví dụ ten@example.com.',
      phone: 'Nhập số điện thoại, ví dụ 0912 345 678 hoặc +84 912 345 678.',
      childrenAlone: 'Trẻ em phải đi cùng ít nhất một hành khách không phải trẻ em.',
      party: 'Thông tin đặt chỗ chưa hợp lệ; vui lòng thử lại.',
    },
    soldOut: 'Chuyến này chỉ còn {count} chỗ. Hãy giảm số người hoặc chọn chuyến khác.',
    closed: 'Chuyến này không còn bán trực tuyến (đã huỷ hoặc sắp khởi hành). Vui lòng chọn chuyến khác.',
    formReused:
      'Biểu mẫu này đã được gửi với thông tin khác. Kiểm tra lại thông tin và gửi lần nữa để đặt chỗ mới.',
    unknownDeparture: 'Không tìm thấy chuyến này. Vui lòng chọn lại từ danh sách chuyến.',
    page: {
      title: 'Đặt chỗ {reference}',
      notFoundTitle: 'Không mở được đặt chỗ này',
      notFoundText:
        'Trình duyệt này không có quyền xem đặt chỗ này. Hãy mở đường dẫn trong thư xác nhận, hoặc dùng trình duyệt bạn đã đặt chỗ.',
      reference: 'Mã đặt chỗ',
      status: {
        on_hold: 'Đang giữ chỗ — chờ thanh toán',
        confirmed: 'Đã xác nhận',
        expired: 'Hết hạn giữ chỗ',
        cancelled: 'Đã huỷ',
        redeemed: 'Đã lên tàu',
      },
      holdUntil: 'Chỗ được giữ đến {time}. Sau thời điểm đó chỗ sẽ được mở bán lại.',
      pay: 'Thanh toán {amount}',
      payNote: 'Bạn sẽ được chuyển sang trang thanh toán an toàn (Stripe).',
      testMode: 'Môi trường chạy thử: thanh toán mô phỏng, không có tiền thật.',
      confirming: 'Đã nhận thanh toán, đang xác nhận vé… Trang sẽ tự tải lại sau vài giây.',
      checkoutCancelled: 'Bạn đã rời trang thanh toán. Chỗ vẫn được giữ đến {time}.',
      cancelHold: 'Bỏ giữ chỗ',
      ticketHeading: 'Vé của bạn',
      ticketIntro:
        'Đưa mã QR này tại cảng. In trang này hoặc lưu mã QR; nhân viên kiểm tra được cả khi không có mạng.',
      downloadQr: 'Tải mã QR (SVG)',
      qrAlt: 'Mã QR của vé {reference}',
      printHint: 'Để in vé, dùng lệnh In của trình duyệt.',
      passengersHeading: 'Hành khách',
      priceHeading: 'Chi phí',
      cancelHeading: 'Huỷ chuyến',
      cancelRefund: 'Nếu huỷ bây giờ, bạn được hoàn {amount} ({percent}).',
      cancelNoRefund: 'Nếu huỷ bây giờ, bạn không được hoàn tiền.',
      cancelButton: 'Huỷ đặt chỗ',
      policyHeading: 'Chính sách huỷ',
      policyTier: 'Huỷ trước giờ khởi hành ít nhất {hours} giờ: hoàn {percent}.',
      policyDeparted: 'Sau khi tàu đã rời bến: không huỷ được.',
      expiredText: 'Thời gian giữ chỗ đã hết trước khi thanh toán hoàn tất. Bạn có thể đặt lại.',
      cancelledText: 'Đặt chỗ này đã được huỷ.',
      refunds: 'Hoàn tiền: {amount} ({percent}), ngày {date}.',
      bookAgain: 'Tìm chuyến khác',
      errors: {
        'not-payable': 'Đặt chỗ này không còn thanh toán được.',
        'not-cancellable': 'Đặt chỗ này không huỷ được nữa.',
        'payment-provider-error':
          'Không kết nối được cổng thanh toán. Chưa có khoản nào bị trừ; vui lòng thử lại sau ít phút.',
        'not-found': 'Không tìm thấy đặt chỗ.',
        unauthenticated: 'Phiên đặt chỗ đã hết; hãy mở lại đường dẫn trong thư xác nhận.',
      },
    },
  },
  notFound: {
    title: 'Không tìm thấy trang',
    text: 'Trang bạn tìm không tồn tại hoặc đã được chuyển đi.',
  },
  serverError: {
    title: 'Đã có lỗi xảy ra',
    text: 'Chúng tôi không hiển thị được trang này lúc này. Vui lòng thử lại sau ít phút.',
  },
  errorPages: {
    homeLink: 'Về trang chủ',
  },
  languageChoice: {
    heading: 'Chọn ngôn ngữ',
  },
};

export type Dictionary = typeof vi;
