// Every English string of the site, typed as the Vietnamese dictionary so a missing or extra key fails the type check.
import type { Dictionary } from './vi';

export const en: Dictionary = {
  languageName: 'English',
  site: {
    name: 'Smart Hạ Long',
    tagline: 'Quảng Ninh smart tourism',
  },
  skipLink: 'Skip to main content',
  navigation: {
    label: 'Main navigation',
    home: 'Home',
    boats: 'Boat trips',
  },
  languageSwitch: {
    label: 'Language',
  },
  footer: {
    programme: 'Part of the Quảng Ninh smart-city programme.',
    dataSource:
      'Route and fee information comes from the published notices of the Hạ Long Bay Management Board; coordinates are approximate.',
  },
  home: {
    title: 'Home',
    description:
      'The smart-tourism platform of Quảng Ninh province: a virtual museum, Hạ Long Bay boat trips, safety tracking, free Wi-Fi and forecasts for managers.',
    heroEyebrow: 'Quảng Ninh smart tourism',
    heroHeading: 'Hạ Long Bay: official information, safer trips',
    heroText:
      'One platform for visitors, boat operators and the authorities: look up routes and sightseeing fees, book a seat on a boat, follow boats on the bay and get online for free around the city.',
    heroAction: 'See the boat routes',
    servicesHeading: 'What the platform offers',
    inDevelopment: 'In development',
    services: {
      museum: {
        name: '3D virtual museum',
        description:
          'Walk through the galleries and artefacts of the Quảng Ninh Museum as 3D models in your browser, with commentary in Vietnamese and English.',
      },
      boats: {
        name: 'Hạ Long Bay boat booking',
        description:
          'Look up the official sightseeing routes with their stops, durations and fees, then book a seat on a boat that is never filled beyond its certified capacity.',
        action: 'See the boat routes',
      },
      tracking: {
        name: 'Live boat tracking and safety',
        description:
          'Every boat appears on a live map, and a lost signal, an SOS or a boat outside the permitted area reaches the authorities within a minute.',
      },
      wifi: {
        name: 'Free city Wi-Fi',
        description:
          'Free internet at 107 public hotspots across Hạ Long after a short sign-in on the welcome page.',
      },
      insights: {
        name: "Tourism managers' dashboard",
        description:
          'Visitor numbers, boat capacity and demand forecasts around the seasons, public holidays and Tết help tourism managers prepare ahead.',
      },
    },
  },
  boats: {
    title: 'Hạ Long Bay boat trips',
    description:
      'The official sightseeing routes of Hạ Long Bay: the stops, typical duration and sightseeing fee of each route.',
    heading: 'Hạ Long Bay boat trips',
    intro:
      'The Hạ Long Bay Management Board numbers the sightseeing routes officially. Below are the stops, typical duration and sightseeing fee of each route.',
    feeNote:
      'The bay sightseeing fee is charged separately from the boat fare. Fees are set by decision of Quảng Ninh province and may change.',
    routeList: {
      routesHeading: 'Sightseeing routes',
      noRoutes: 'No routes have been published yet.',
      routeLabel: 'Route',
      stopsLabel: 'Stops',
      durationLabel: 'Duration',
      feeLabel: 'Sightseeing fee',
      perPerson: '/ person',
      perPersonPerDay: '/ person / day',
      sightseeingComponent: 'sightseeing fee',
      portComponent: 'port fee',
      feeUnpublished: 'Not yet published — ask at the counter',
      chargedSince: 'Charged since {date}',
      discountsApply: 'See exemptions and discounts',
      feePolicyHeading: 'Sightseeing fee exemptions and discounts',
      free: 'Free',
      percentOff: '{percent} off',
    },
    departures: {
      title: 'Find a boat departure',
      description:
        'Hạ Long Bay sightseeing departures by day: departure time, boat, seats left and the price for each kind of passenger.',
      heading: 'Find a boat departure',
      intro:
        'Choose a day, a route and how many you are to see the departures with seats left. Prices include the bay sightseeing fee and the boat fare.',
      searchLink: 'Find a departure by day',
      form: {
        legend: 'Search departures',
        date: 'Date',
        route: 'Route',
        anyRoute: 'Any route',
        port: 'Departure port',
        anyPort: 'Any port',
        passengers: 'Passengers',
        submit: 'Search',
      },
      invalid: 'Please check: {fields}.',
      fieldNames: {
        date: 'the date',
        route: 'the route',
        port: 'the port',
        passengers: 'the number of passengers (1–60)',
      },
      resultsHeading: 'Departures on {date}',
      noResults:
        'No departure has enough seats for this search. Try another day, another route or fewer passengers.',
      departsAt: 'Departs',
      boat: 'Boat',
      seatsLeft: '{count} seats left',
      capacity: 'certified for {count} passengers',
      pricesHeading: 'Price per person',
      feeNotIncluded: "Boat fare only: this route's sightseeing fee is not yet published.",
      categories: {
        adult: 'Adult',
        'child-7-to-12': 'Child aged 7–12',
        'child-under-7': 'Child under 7 or under 1.2 m',
        'vietnamese-senior-60': 'Vietnamese citizen aged 60+',
        'severe-disability': 'Person with a severe disability',
      },
    },
    routePage: {
      title: 'Route {number}: {name}',
      description: '{summary} Stops: {stops}. {duration}. Sightseeing fee: {fee}.',
      backToRoutes: '← All sightseeing routes',
      stopsHeading: 'Stops in order',
      positionUnpublished: 'position not yet published',
      departureHeading: 'Where boats leave from',
      anyPort: "Depending on the boat operator, this route starts from one of the bay's passenger ports:",
      coordinates: 'Coordinates (approximate)',
    },
  },
  booking: {
    newTitle: 'Book: {route}, {time} on {date}',
    description:
      'Book seats on a Hạ Long Bay sightseeing boat: passengers, identity documents and online payment.',
    bookLink: 'Book',
    backToSearch: '← Choose another departure',
    departureHeading: 'Departure',
    partyLegend: 'How many are travelling?',
    partyHint: 'Up to {max} people per booking. Children travel with at least one adult.',
    continue: 'Continue',
    changeParty: 'Change the party',
    partyInvalid: 'Choose between 1 and {max} passengers.',
    passengersHeading: 'Passengers',
    passengersIntro:
      "Since 10 December 2025 every bay ticket records each passenger's identity. Enter it as written on the document, and bring the document on board.",
    passengerLegend: 'Passenger {number}: {category}',
    fullName: 'Full name',
    documentType: 'Identity document',
    citizenId: 'Vietnamese citizen ID / personal ID number (12 digits)',
    passport: 'Passport',
    documentNumber: 'Document number',
    nationality: 'Nationality (2-letter code, e.g. VN, FR)',
    guardianLegend: "Child's guardian",
    guardianName: "Guardian's full name",
    guardianDocument: "Guardian's citizen ID or passport number",
    guardianPhone: "Guardian's phone number",
    contactLegend: 'Where we send the ticket',
    email: 'E-mail',
    phone: 'Phone',
    totalLabel: 'Total',
    submit: 'Hold the seats and pay',
    holdNote: 'The seats are held for {minutes} minutes while you pay.',
    errorSummary: 'Nothing is booked yet: please correct {count} fields below.',
    problems: {
      required: 'Please fill this in.',
      fullName: 'Write the name as on the document (letters, spaces and hyphens only).',
      citizenId: 'A Vietnamese citizen ID has exactly 12 digits.',
      passport: 'A passport number has 6 to 12 letters and digits.',
      citizenIdNationality: 'A Vietnamese citizen ID belongs to nationality VN.',
      nationality: 'Enter a two-letter country code such as VN, FR or KR.',
      seniorNationality: 'The senior price is for Vietnamese citizens aged 60 and over (nationality VN).',
      guardian: 'A child needs a guardian: full name, document number and phone.',
      email: 'Enter an e-mail address such as name@example.com.',
      phone: 'Enter a phone number such as +84 912 345 678.',
      childrenAlone: 'Children travel with at least one passenger who is not a child.',
      party: 'The booking details are not valid; please try again.',
    },
    soldOut: 'Only {count} seats are left on this departure. Book fewer people or choose another departure.',
    closed: 'This departure is no longer sold online (cancelled or leaving soon). Please choose another one.',
    formReused:
      'This form was already sent with other details. Check the details and send it again to make a new booking.',
    unknownDeparture: 'This departure was not found. Please choose one from the list.',
    page: {
      title: 'Booking {reference}',
      notFoundTitle: 'This booking cannot be opened here',
      notFoundText:
        'This browser has no key to this booking. Open the link in your confirmation e-mail, or use the browser you booked with.',
      reference: 'Booking reference',
      status: {
        on_hold: 'Seats held — awaiting payment',
        confirmed: 'Confirmed',
        expired: 'Hold expired',
        cancelled: 'Cancelled',
        redeemed: 'Boarded',
      },
      holdUntil: 'The seats are held until {time}. After that they go back on sale.',
      pay: 'Pay {amount}',
      payNote: 'You will go to a secure payment page (Stripe).',
      testMode: 'Test environment: simulated payment, no real money.',
      confirming: 'Payment received, confirming your ticket… This page reloads in a few seconds.',
      checkoutCancelled: 'You left the payment page. Your seats stay held until {time}.',
      cancelHold: 'Release the seats',
      ticketHeading: 'Your ticket',
      ticketIntro:
        'Show this QR code at the port. Print this page or save the code; staff can check it even offline.',
      downloadQr: 'Download the QR code (SVG)',
      qrAlt: 'QR code of ticket {reference}',
      printHint: "To print the ticket, use your browser's Print command.",
      passengersHeading: 'Passengers',
      priceHeading: 'Price',
      cancelHeading: 'Cancel the trip',
      cancelRefund: 'Cancelling now refunds {amount} ({percent}).',
      cancelNoRefund: 'Cancelling now refunds nothing.',
      cancelButton: 'Cancel the booking',
      policyHeading: 'Cancellation policy',
      policyTier: 'Cancelled at least {hours} hours before departure: {percent} refunded.',
      policyDeparted: 'Once the boat has left: no cancellation.',
      expiredText: 'The hold ended before the payment was completed. You can book again.',
      cancelledText: 'This booking has been cancelled.',
      refunds: 'Refund: {amount} ({percent}) on {date}.',
      bookAgain: 'Find another departure',
      errors: {
        'not-payable': 'This booking can no longer be paid.',
        'not-cancellable': 'This booking can no longer be cancelled.',
        'payment-provider-error':
          'The payment service could not be reached. Nothing was charged; please try again in a few minutes.',
        'not-found': 'The booking was not found.',
        unauthenticated: 'The booking session has ended; open the link in your confirmation e-mail again.',
      },
    },
  },
  notFound: {
    title: 'Page not found',
    text: 'The page you are looking for does not exist or has moved.',
  },
  serverError: {
    title: 'Something went wrong',
    text: 'We could not show this page just now. Please try again in a few minutes.',
  },
  errorPages: {
    homeLink: 'Go to the home page',
  },
  languageChoice: {
    heading: 'Choose a language',
  },
};
