/**
 * Name material for synthetic residents, mixing the naming traditions of Indonesia: single names
 * (common among Javanese), Arabic-derived, Batak marga, Minang, Balinese birth-order names, Manado and
 * Papuan family names, Chinese-Indonesian surnames. Also the awkward cases a passport system must
 * handle: abbreviations ("M. Firman"), apostrophes ("Ma'ruf") and very long names.
 */
// prettier-ignore
export const maleGivenNames = [
  'Budi', 'Agus', 'Ahmad', 'Rizky', 'Dwi', 'Eko', 'Hendra', 'Andi', 'Bambang', 'Joko', 'Yusuf', 'Fajar',
  'Rudi', 'Wahyu', 'Dedi', 'Arif', 'Hadi', 'Irfan', 'Gilang', 'Bayu', 'Teguh', 'Slamet', 'Daniel',
  'Yohanes', 'Stefanus', 'Fransiskus', 'Petrus', 'Kevin', 'Rahmat', 'Firman', 'Ilham', 'Reza', 'Dimas',
  'Aditya', 'Krisna', 'Taufik', 'Hasan', 'Umar', 'Ridwan', 'Syahrul', 'Adi', 'Yanto', 'Galih', 'Bagus',
] as const;

// prettier-ignore
export const femaleGivenNames = [
  'Siti', 'Sri', 'Dewi', 'Ayu', 'Nur', 'Rina', 'Wulan', 'Putri', 'Fitri', 'Indah', 'Ratna', 'Yuliana',
  'Maria', 'Kartini', 'Nurul', 'Aisyah', 'Fatimah', 'Annisa', 'Dian', 'Ratih', 'Mega', 'Intan', 'Anggun',
  'Novita', 'Yanti', 'Sari', 'Lina', 'Melati', 'Theresia', 'Agnes', 'Elisabeth', 'Rahma', 'Citra', 'Laras',
] as const;

// prettier-ignore
export const familyNames = [
  'Santoso', 'Wijaya', 'Hidayat', 'Kurniawan', 'Setiawan', 'Nugroho', 'Gunawan', 'Susanto', 'Siregar',
  'Nasution', 'Harahap', 'Lubis', 'Simanjuntak', 'Sitompul', 'Hutapea', 'Panjaitan', 'Ginting',
  'Sembiring', 'Tarigan', 'Sinaga', 'Manurung', 'Situmorang', 'Tanjung', 'Chaniago', 'Koto', 'Wibowo',
  'Purnomo', 'Hartono', 'Halim', 'Salim', 'Permana', 'Hakim', 'Rahman', 'Pangaribuan', 'Mandagi', 'Wenas',
  'Lumentut', 'Rumengan', 'Wonda', 'Kogoya', 'Tabuni', 'Pakpahan', 'Fauzi', 'Ramadhan', 'Maulana',
] as const;

export const maleSecondNames = [
  'Saputra',
  'Pratama',
  'Syahputra',
  'Prasetyo',
  'Firmansyah',
  'Kusuma',
] as const;
// prettier-ignore
export const femaleSecondNames = [
  'Lestari', 'Saputri', 'Anggraini', 'Puspitasari', 'Kusumawati', 'Handayani', 'Wulandari', 'Rahayu',
] as const;

/** Javanese mononyms: one name, no family name. */
export const maleMononyms = ['Sutrisno', 'Suparman', 'Sugiono', 'Paijo', 'Mulyono', 'Sumarno'] as const;
export const femaleMononyms = ['Suharti', 'Sumiati', 'Painem', 'Wartini', 'Sulastri', 'Tukinem'] as const;

/** Balinese birth-order names: I/Ni + Wayan, Made, Nyoman, Ketut. */
export const balineseBirthOrder = ['Wayan', 'Made', 'Nyoman', 'Ketut'] as const;
export const balineseNames = ['Suarta', 'Sudarsana', 'Astawa', 'Widiantari', 'Sukerti', 'Ariani'] as const;

export const apostropheNames = ["Ma'ruf", "Nu'man", "Mu'min", "Sa'diyah"] as const;

export const longNames = [
  'Raden Ajeng Siti Nurhaliza Kusumawardhani Prawirodirdjo',
  'Muhammad Abdurrahman Wahid Hasyim Asy Syafii Ramadhan',
  'Theresia Maria Magdalena Agustina Kristiani Pangaribuan',
] as const;
