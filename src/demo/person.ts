// The invented people of the demo caseload: names taken in turn from two short lists of common French
// names (no real person is meant), and contact details on a reserved domain.

const FIRST_NAMES = [
  "Camille",
  "Léa",
  "Hugo",
  "Nathan",
  "Inès",
  "Lucas",
  "Chloé",
  "Yanis",
  "Manon",
  "Théo",
  "Sarah",
  "Louis",
  "Jade",
  "Adam",
  "Emma",
  "Rayan",
  "Zoé",
  "Gabriel",
  "Lina",
  "Jules",
];
const LAST_NAMES = [
  "Martin",
  "Bernard",
  "Dubois",
  "Thomas",
  "Robert",
  "Richard",
  "Petit",
  "Durand",
  "Leroy",
  "Moreau",
  "Simon",
  "Laurent",
  "Lefebvre",
  "Michel",
  "Garcia",
  "David",
  "Roux",
  "Fournier",
];

export interface DemoPerson {
  firstName: string;
  lastName: string;
  email: string;
  phone: string;
}

const unaccented = (text: string) =>
  text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase();

/** The person of the `index`-th demo case: every first name with one last name, then with the next. */
export function demoPerson(index: number): DemoPerson {
  const firstName = FIRST_NAMES[index % FIRST_NAMES.length] as string;
  const lastName = LAST_NAMES[Math.floor(index / FIRST_NAMES.length) % LAST_NAMES.length] as string;
  return {
    firstName,
    lastName,
    email: `${unaccented(firstName)}.${unaccented(lastName)}.${index}@exemple.test`,
    phone: `06${String(10_000_000 + index).slice(-8)}`,
  };
}
