// The fixed words on the museum's walls, in both languages: the headings of the wall panels and signs, and each
// room's key facts and drawings. Every fact is taken from the museum's public pages (see
// /work/shared/domain/quang-ninh-museum.md) or from the room's own exhibits; the dates of the history timeline
// repeat its exhibits' periods.
import type { Localized } from '../../../../functions/platform/language';
import type { MapDrawing, Motif } from './plates';

export const wallHeadings = {
  inThisRoom: { vi: 'Trong phòng này', en: 'In this room' },
  timeline: { vi: 'Dòng thời gian', en: 'Timeline' },
  youAreHere: { vi: 'Bạn đang ở', en: 'You are here' },
  otherFloors: { vi: 'Các tầng khác', en: 'Other floors' },
  mapNote: { vi: 'Hình vẽ cách điệu, không theo tỉ lệ', en: 'Stylised drawing, not to scale' },
} satisfies Record<string, Localized>;

interface RoomFact {
  figure: Localized;
  text: Localized;
  motif: Motif;
}

interface RoomMap {
  map: MapDrawing;
  heading: Localized;
  places: Record<string, Localized>;
}

/** The graphics of a room besides its title: facts first, then a map or the floor's timeline. */
interface RoomGraphics {
  facts: RoomFact[];
  map?: RoomMap;
  timeline?: boolean;
}

const quangNinhMap: RoomMap = {
  map: 'quang-ninh',
  heading: { vi: 'Quảng Ninh và vịnh Hạ Long', en: 'Quảng Ninh and Hạ Long Bay' },
  places: {
    'ha-long': { vi: 'Hạ Long', en: 'Hạ Long' },
    'van-don': { vi: 'Vân Đồn', en: 'Vân Đồn' },
    'ngoc-vung': { vi: 'Đảo Ngọc Vừng', en: 'Ngọc Vừng island' },
    'yen-tu': { vi: 'Núi Yên Tử', en: 'Yên Tử mountain' },
    'dong-trieu': { vi: 'Đông Triều', en: 'Đông Triều' },
    'bach-dang': { vi: 'Sông Bạch Đằng', en: 'Bạch Đằng river' },
    bay: { vi: 'Vịnh Hạ Long', en: 'Hạ Long Bay' },
  },
};

const bachDangMap: RoomMap = {
  map: 'bach-dang',
  heading: { vi: 'Cửa sông Bạch Đằng', en: 'The Bạch Đằng river mouth' },
  places: {
    river: { vi: 'Sông Bạch Đằng', en: 'Bạch Đằng river' },
    stakes: { vi: 'Bãi cọc gỗ', en: 'Wooden stakes' },
    sea: { vi: 'Biển', en: 'The sea' },
    tide: { vi: 'Thủy triều rút', en: 'Ebbing tide' },
  },
};

const treasures = (object: Localized): RoomFact => ({
  figure: { vi: '12', en: '12' },
  text: {
    vi: `bảo vật quốc gia trong bảo tàng, trong đó có ${object.vi}.`,
    en: `national treasures in the museum, among them ${object.en}.`,
  },
  motif: 'weave',
});

const anthraciteBlock: RoomFact = {
  figure: { vi: '−176 m', en: '−176 m' },
  text: {
    vi: 'Khối than antraxit 28 tấn ngoài sân được khai thác ở độ sâu −176 m, một kỷ lục Việt Nam.',
    en: 'The 28-tonne block of anthracite outside was mined at −176 m, a Vietnamese record.',
  },
  motif: 'depth',
};

/** Each room's graphics, by its id in the content API. */
export const roomGraphics: Record<string, RoomGraphics> = {
  lobby: {
    facts: [
      {
        figure: { vi: '> 20 m', en: '> 20 m' },
        text: {
          vi: 'Bộ xương cá voi dài hơn 20 m, tìm thấy ở đảo Ngọc Vừng năm 1994, treo trên sảnh chính.',
          en: 'The skeleton of a whale more than 20 m long, found at Ngọc Vừng island in 1994, hangs over the hall.',
        },
        motif: 'whale',
      },
      {
        figure: { vi: '2013', en: '2013' },
        text: {
          vi: 'Khối lập phương kính đen của kiến trúc sư Salvador Pérez Arroyo, khánh thành tháng 10 năm 2013, gợi nhắc than của tỉnh.',
          en: 'A cube of black glass by the architect Salvador Pérez Arroyo, opened in October 2013: a nod to the province’s coal.',
        },
        motif: 'strata',
      },
    ],
    map: quangNinhMap,
  },
  'tube-geology': {
    facts: [
      {
        figure: { vi: '4', en: '4' },
        text: {
          vi: 'ống cao như những ngọn núi đá vôi và hang động của vịnh Hạ Long; mỗi ống là một không gian riêng.',
          en: 'tall tubes, like the karst islands and caves of Hạ Long Bay; each is its own space.',
        },
        motif: 'karst',
      },
    ],
  },
  'tube-minerals': { facts: [{ ...anthraciteBlock, motif: 'strata' }] },
  'tube-sea': {
    facts: [
      {
        figure: { vi: 'Biển', en: 'Sea' },
        text: {
          vi: 'Vải và ánh sáng trên cao mô phỏng mặt nước lấp lánh.',
          en: 'Fabric and light overhead imitate shimmering water.',
        },
        motif: 'waves',
      },
    ],
  },
  'tube-life': {
    facts: [
      {
        figure: { vi: 'Đặc hữu', en: 'Endemic' },
        text: {
          vi: 'Thực vật và động vật đặc hữu của tỉnh, từ rừng Yên Tử đến các đảo đá vôi.',
          en: 'The province’s endemic plants and animals, from the Yên Tử forest to the limestone islands.',
        },
        motif: 'leaves',
      },
    ],
  },
  'history-prehistory': {
    facts: [
      treasures({ vi: 'bình gốm Đầu Rằm', en: 'the Đầu Rằm pottery jar' }),
      {
        figure: { vi: '18.000', en: '18,000' },
        text: {
          vi: 'năm trước, theo một số nguồn: những người săn bắt hái lượm Soi Nhụ, xưa nhất trong phòng này.',
          en: 'years ago, by some sources: the Soi Nhụ hunter-gatherers, the earliest people of this room.',
        },
        motif: 'karst',
      },
    ],
    timeline: true,
  },
  'history-bach-dang': {
    facts: [
      {
        figure: { vi: '938 · 1288', en: '938 · 1288' },
        text: {
          vi: 'Hai trận thủy chiến trên sông Bạch Đằng, với bãi cọc gỗ cắm dưới lòng sông.',
          en: 'Two river battles on the Bạch Đằng, fought over a field of wooden stakes in the riverbed.',
        },
        motif: 'waves',
      },
    ],
    map: bachDangMap,
    timeline: true,
  },
  'history-dai-viet': {
    facts: [
      {
        figure: { vi: 'XI–XV', en: '11th–15th c.' },
        text: {
          vi: 'Thời Đại Việt: gốm, thương cảng Vân Đồn và kiến trúc thời Lý, Trần, Lê.',
          en: 'The Đại Việt era: ceramics, the Vân Đồn trading port and the architecture of the Lý, Trần and Lê.',
        },
        motif: 'weave',
      },
    ],
    map: quangNinhMap,
    timeline: true,
  },
  'history-modern': {
    facts: [
      {
        figure: { vi: '1963', en: '1963' },
        text: {
          vi: 'Tỉnh Quảng Ninh từ năm 1963; trước đó là các cuộc kháng chiến, trong đó có chiến khu Đông Triều chống Pháp.',
          en: 'Quảng Ninh province since 1963; before it, the resistance wars, among them Đông Triều against the French.',
        },
        motif: 'waves',
      },
    ],
    map: quangNinhMap,
    timeline: true,
  },
  'mine-tunnel': { facts: [anthraciteBlock] },
  'coal-and-miners': {
    facts: [
      {
        figure: { vi: 'Than', en: 'Coal' },
        text: {
          vi: 'Chủ tịch Hồ Chí Minh với thợ mỏ; lớp kính đen của bảo tàng gợi nhắc than của tỉnh.',
          en: 'President Hồ Chí Minh with the miners; the museum’s black glass is a nod to the province’s coal.',
        },
        motif: 'depth',
      },
      {
        figure: { vi: '1936', en: '1936' },
        text: {
          vi: 'Tháng 11 năm 1936: cuộc bãi công của thợ mỏ.',
          en: 'November 1936: the miners’ strike.',
        },
        motif: 'strata',
      },
      anthraciteBlock,
    ],
  },
  'truc-lam-zen': {
    facts: [
      {
        figure: { vi: 'Yên Tử', en: 'Yên Tử' },
        text: {
          vi: 'Mô hình thu nhỏ chùa Đồng trên đỉnh núi Yên Tử, nơi khởi nguồn Thiền phái Trúc Lâm.',
          en: 'A miniature of the Đồng (bronze) Pagoda on Yên Tử mountain, home of Trúc Lâm Zen.',
        },
        motif: 'pagoda',
      },
      treasures({
        vi: 'hộp vàng hình hoa sen Ngọa Vân – Yên Tử',
        en: 'the golden lotus box of Ngọa Vân – Yên Tử',
      }),
    ],
    map: quangNinhMap,
  },
  'ethnic-cultures': {
    facts: [
      {
        figure: { vi: '6', en: '6' },
        text: {
          vi: 'dân tộc: Dao Thanh Y, Dao Thanh Phán, Sán Dìu, Tày, Sán Chỉ và Hoa.',
          en: 'peoples: the Dao Thanh Y, Dao Thanh Phán, Sán Dìu, Tày, Sán Chỉ and Hoa.',
        },
        motif: 'weave',
      },
    ],
  },
  outdoor: {
    facts: [
      {
        figure: { vi: '28 tấn', en: '28 t' },
        text: {
          vi: 'Khối than antraxit khai thác ở độ sâu −176 m, một kỷ lục Việt Nam.',
          en: 'A block of anthracite mined at −176 m, a Vietnamese record.',
        },
        motif: 'depth',
      },
    ],
  },
};

/** The dates of each era on the history floor's timeline, from its rooms' exhibits. */
export const eraDates: Record<string, Localized> = {
  'history-prehistory': {
    vi: 'Khoảng 18.000 năm trước – thế kỷ III–II TCN',
    en: 'About 18,000 years ago – 3rd–2nd c. BCE',
  },
  'history-bach-dang': { vi: '938 · 1288', en: '938 · 1288' },
  'history-dai-viet': { vi: 'Thế kỷ XI–XV', en: '11th–15th centuries' },
  'history-modern': { vi: 'Thế kỷ XX · 1945–1975 · từ 1963', en: '20th century · 1945–1975 · since 1963' },
};
