import { describe, expect, it } from 'vitest';
import {
  formatPassportNumber,
  isPassportNumber,
  mrzCheckDigit,
  mrzNameField,
  nikToPersonalNumber,
  parseTd3,
  passportExpiryDate,
  splitIndonesianName,
  td3Mrz,
  transliterateName,
  type Td3Input,
} from './mrz.ts';

const MRZ_LINE = /^[A-Z0-9<]{44}$/;

/** A Bandung resident (DOMAIN.md "NIK": 3273056010900009 is a woman born 20-10-1990). */
const indonesian = (overrides: Partial<Td3Input> = {}): Td3Input => ({
  issuingState: 'IDN',
  ...splitIndonesianName('Sukarno'),
  passportNumber: 'A1234567',
  nationality: 'IDN',
  dateOfBirth: '1990-10-20',
  sex: 'F',
  expiryDate: '2035-01-01',
  personalNumber: nikToPersonalNumber('3273056010900009'),
  ...overrides,
});

describe('ICAO Doc 9303 part 4, TD3 specimen (Anna Maria Eriksson, Utopia)', () => {
  const specimen: Td3Input = {
    issuingState: 'UTO',
    surname: 'Eriksson',
    givenNames: 'Anna Maria',
    passportNumber: 'L898902C3',
    nationality: 'UTO',
    dateOfBirth: '1974-08-12',
    sex: 'F',
    expiryDate: '2012-04-15',
    personalNumber: 'ZE184226B',
  };
  const lines: [string, string] = [
    'P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<',
    'L898902C36UTO7408122F1204159ZE184226B<<<<<10',
  ];

  it('when the specimen data is encoded, then both lines match the specimen exactly', () => {
    expect(td3Mrz(specimen)).toEqual(lines);
  });

  it('when the specimen lines are read, then every field comes back and every check digit verifies', () => {
    expect(parseTd3(lines)).toEqual({
      documentCode: 'P',
      issuingState: 'UTO',
      surname: 'ERIKSSON',
      givenNames: 'ANNA MARIA',
      passportNumber: 'L898902C3',
      nationality: 'UTO',
      dateOfBirth: '740812',
      sex: 'F',
      expiryDate: '120415',
      personalNumber: 'ZE184226B',
      checks: {
        passportNumber: true,
        dateOfBirth: true,
        expiryDate: true,
        personalNumber: true,
        composite: true,
      },
      valid: true,
    });
  });
});

describe('check digits (ICAO Doc 9303 part 3 §4.9: weights 7,3,1, A–Z = 10–35, < = 0)', () => {
  it.each([
    ['520727', '3'], // part 3 worked example: 27 July 1952
    ['AB2134<<<', '5'], // part 3 worked example: a document number with fillers
    ['L898902C3', '6'], // TD3 specimen document number
    ['740812', '2'], // TD3 specimen date of birth
    ['120415', '9'], // TD3 specimen date of expiry
    ['ZE184226B<<<<<', '1'], // TD3 specimen personal number
    ['D23145890', '7'], // part 5 TD1 specimen document number
    ['<<<<<<<<<<<<<<', '0'],
  ])('when the field is %s, then the check digit is %s', (field, digit) => {
    expect(mrzCheckDigit(field)).toBe(digit);
  });

  it('when a field holds a character outside A–Z, 0–9 and <, then it is refused', () => {
    expect(() => mrzCheckDigit('a123')).toThrow(RangeError);
  });
});

describe('names (ICAO Doc 9303 part 3 §6 transliteration, §4.6 name field)', () => {
  it.each([
    ["Siti Nur'aini Al-Habsyi", 'SITI<NURAINI<AL<HABSYI'],
    ["O'Brien", 'OBRIEN'],
    ['M. Firman', 'M<FIRMAN'],
    ['Müller', 'MUELLER'],
    ['Ångström', 'AANGSTROEM'],
    ['Æsir Øster', 'AESIR<OESTER'],
    ['Strauß', 'STRAUSS'],
    ['Muñoz', 'MUNOZ'],
    ['José Hernández', 'JOSE<HERNANDEZ'],
    ['  Budi   Santoso  ', 'BUDI<SANTOSO'],
    ['Hamengkubuwono X', 'HAMENGKUBUWONO<X'],
    ['Budi 2 Santoso', 'BUDI<SANTOSO'],
    ['Ahmad -- , Dahlan', 'AHMAD<DAHLAN'],
  ])('when the name is "%s", then the MRZ writes %s', (name, mrz) => {
    expect(transliterateName(name)).toBe(mrz);
  });

  it('when an Indonesian has a single name, then it is the surname and there are no given names', () => {
    expect(splitIndonesianName(' Sukarno ')).toEqual({ surname: 'Sukarno', givenNames: '' });
  });

  it('when an Indonesian name has several words, then the last one is the surname', () => {
    expect(splitIndonesianName("Siti Nur'aini Al-Habsyi")).toEqual({
      surname: 'Al-Habsyi',
      givenNames: "Siti Nur'aini",
    });
  });

  it('when the name is blank, then there is nothing to split', () => {
    expect(() => splitIndonesianName('   ')).toThrow(RangeError);
  });

  it('when the surname leaves room, then the given names are cut from the end and the field ends in a letter', () => {
    const field = mrzNameField('Wijayakusuma', 'Raden Mas Muhammad Abdurrahman Wahyu Kusumanegara Putra');
    expect(field).toBe('WIJAYAKUSUMA<<RADEN<MAS<MUHAMMAD<ABDURR');
    expect(field).toHaveLength(39);
  });

  it('when the cut falls on a word boundary, then the dangling filler is dropped and the rest is padding', () => {
    expect(mrzNameField('Kusumanegara', 'Muhammad Abdurrahman Ali Wahyu')).toBe(
      'KUSUMANEGARA<<MUHAMMAD<ABDURRAHMAN<ALI<',
    );
  });

  it('when the surname alone is too long, then it is cut and the first given-name letter is kept after <<', () => {
    const surname = 'Hamengkubuwonosumaryonoputrowijayakusuma';
    expect(mrzNameField(surname, 'Raden Mas')).toBe(`${'HAMENGKUBUWONOSUMARYONOPUTROWIJAYAKU'}<<R`);
  });

  it('when a hyphenated surname is cut at its hyphen, then no filler is left before <<', () => {
    const surname = `${'A'.repeat(35)}-Habsyi`;
    expect(mrzNameField(surname, 'Siti')).toBe(`${'A'.repeat(35)}<<S<`);
  });

  it('when a single name is longer than the field, then it is cut to 39 letters', () => {
    expect(mrzNameField('Wirjosandjojo'.repeat(4), '')).toBe('WIRJOSANDJOJO'.repeat(3));
  });

  it('when a name has no Latin letter, then it cannot be written', () => {
    expect(() => mrzNameField('123', 'Budi')).toThrow(RangeError);
  });
});

describe('an Indonesian passport MRZ (ICAO Doc 9303 part 4 TD3)', () => {
  it('when the holder has a single name, then line 1 holds it alone and line 2 carries the NIK minus its province', () => {
    expect(td3Mrz(indonesian())).toEqual([
      `P<IDNSUKARNO${'<'.repeat(32)}`,
      'A1234567<6IDN9010200F35010147305601090000948',
    ]);
  });

  it('when the name has an apostrophe and a hyphen, then the apostrophe joins and the hyphen separates', () => {
    const [line1] = td3Mrz(indonesian(splitIndonesianName("Siti Nur'aini Al-Habsyi")));
    expect(line1).toBe(`P<IDNAL<HABSYI<<SITI<NURAINI${'<'.repeat(16)}`);
  });

  it('when the name is very long, then line 1 is still 44 characters, ending in a letter', () => {
    const name = 'Raden Mas Muhammad Abdurrahman Wahyu Kusumanegara Putra Wijayakusuma';
    const [line1] = td3Mrz(indonesian({ ...splitIndonesianName(name), sex: 'M' }));
    expect(line1).toBe('P<IDNWIJAYAKUSUMA<<RADEN<MAS<MUHAMMAD<ABDURR');
  });

  it('when the sex is unspecified (X on the visual zone), then the MRZ writes < and reads back X', () => {
    const lines = td3Mrz(indonesian({ sex: 'X' }));
    expect(lines[1][20]).toBe('<');
    expect(parseTd3(lines).sex).toBe('X');
  });

  it('when there is no personal number, then its field and check digit are fillers', () => {
    const lines = td3Mrz(indonesian({ personalNumber: '' }));
    expect(lines[1].slice(28, 43)).toBe('<'.repeat(15));
    expect(parseTd3(lines).valid).toBe(true);
  });

  it('when any passport is encoded, then each line is 44 characters of A–Z, 0–9 and <', () => {
    const names = ['Sukarno', "Siti Nur'aini Al-Habsyi", 'Raden Mas Muhammad Abdurrahman Wahyu Kusumanegara'];
    for (const name of names) {
      for (const sex of ['M', 'F', 'X'] as const) {
        const lines = td3Mrz(indonesian({ ...splitIndonesianName(name), sex }));
        for (const line of lines) expect(line).toMatch(MRZ_LINE);
        expect(parseTd3(lines).valid).toBe(true);
      }
    }
  });

  it('when a field does not fit, then the MRZ is refused rather than silently cut', () => {
    expect(() => td3Mrz(indonesian({ passportNumber: 'AB12345678' }))).toThrow(RangeError);
    expect(() => td3Mrz(indonesian({ personalNumber: '3273056010900009' }))).toThrow(RangeError);
    expect(() => td3Mrz(indonesian({ dateOfBirth: '1990-02-30' }))).toThrow(RangeError);
    expect(() => td3Mrz(indonesian({ nationality: 'INDO' }))).toThrow(RangeError);
  });
});

describe('verifying a printed MRZ (ICAO Doc 9303 part 3 §4.9 check digits)', () => {
  const lines = td3Mrz(indonesian());
  const flip = (line: string, position: number): string =>
    line.slice(0, position) + ((Number(line[position]) + 1) % 10) + line.slice(position + 1);

  it('when a birth-date digit is misprinted, then its check and the composite fail', () => {
    const read = parseTd3([lines[0], flip(lines[1], 14)]);
    expect(read.valid).toBe(false);
    expect(read.checks).toMatchObject({ dateOfBirth: false, composite: false, passportNumber: true });
  });

  it('when a personal-number digit is misprinted, then its check fails', () => {
    const read = parseTd3([lines[0], flip(lines[1], 30)]);
    expect(read.valid).toBe(false);
    expect(read.checks.personalNumber).toBe(false);
  });

  it('when only the composite digit is wrong, then the zone is not valid', () => {
    expect(parseTd3([lines[0], flip(lines[1], 43)]).valid).toBe(false);
  });

  it('when an unused personal number carries 0 instead of <, then it still verifies (both are allowed)', () => {
    const [line1, line2] = td3Mrz(indonesian({ personalNumber: '' }));
    expect(parseTd3([line1, `${line2.slice(0, 42)}0${line2.slice(43)}`]).valid).toBe(true);
  });

  it('when the text is not shaped like a passport MRZ, then reading it is refused', () => {
    expect(() => parseTd3([lines[0].slice(1), lines[1]])).toThrow(RangeError);
    expect(() => parseTd3([`V${lines[0].slice(1)}`, lines[1]])).toThrow(RangeError);
    expect(() => parseTd3([lines[0], lines[1].toLowerCase()])).toThrow(RangeError);
  });
});

describe('the NIK in the optional data (14 of its 16 digits)', () => {
  it('when a NIK is carried, then its province digits are dropped and digits 3–16 remain', () => {
    expect(nikToPersonalNumber('3273056010900009')).toBe('73056010900009');
  });

  it.each(['327305601090000', '32730560109000091', '32730560109000A9'])(
    'when the NIK is %s, then it is refused',
    (nik) => {
      expect(() => nikToPersonalNumber(nik)).toThrow(RangeError);
    },
  );
});

describe('passport expiry (Permenkumham 18/2022: 10 years only for adults, 17+ or married)', () => {
  it('when an adult takes 10 years, then it expires on the same date 10 years later', () => {
    expect(
      passportExpiryDate({
        issueDate: '2026-01-15',
        dateOfBirth: '1990-10-20',
        validityYears: 10,
        married: false,
      }),
    ).toBe('2036-01-15');
  });

  it('when a minor takes 5 years, then it expires on the same date 5 years later', () => {
    expect(
      passportExpiryDate({
        issueDate: '2026-01-15',
        dateOfBirth: '2015-06-01',
        validityYears: 5,
        married: false,
      }),
    ).toBe('2031-01-15');
  });

  it('when an unmarried minor is given 10 years, then it is refused', () => {
    expect(() =>
      passportExpiryDate({
        issueDate: '2026-11-24',
        dateOfBirth: '2009-11-25',
        validityYears: 10,
        married: false,
      }),
    ).toThrow(Error);
  });

  it('when the holder turns 17 on the issue date, then 10 years are allowed', () => {
    expect(
      passportExpiryDate({
        issueDate: '2026-11-25',
        dateOfBirth: '2009-11-25',
        validityYears: 10,
        married: false,
      }),
    ).toBe('2036-11-25');
  });

  it('when a married minor takes 10 years, then it is allowed', () => {
    expect(
      passportExpiryDate({
        issueDate: '2026-01-15',
        dateOfBirth: '2010-03-01',
        validityYears: 10,
        married: true,
      }),
    ).toBe('2036-01-15');
  });

  it('when issued on 29 February, then it expires on 28 February (5 and 10 years later are never leap years)', () => {
    const issued = { issueDate: '2024-02-29', dateOfBirth: '1990-10-20', married: false };
    expect(passportExpiryDate({ ...issued, validityYears: 5 })).toBe('2029-02-28');
    expect(passportExpiryDate({ ...issued, validityYears: 10 })).toBe('2034-02-28');
  });

  it('when a dual-citizenship child is issued 5 years that would run past 21, then it ends the day before the 21st birthday (UU 12/2006 Art. 6; DOMAIN.md "validity")', () => {
    const child = { dateOfBirth: '2010-06-15', married: false, dualCitizenship: true };
    expect(passportExpiryDate({ ...child, issueDate: '2027-01-10', validityYears: 5 })).toBe('2031-06-14');
    // Far from 21, the usual five years; without the flag, never capped.
    expect(passportExpiryDate({ ...child, issueDate: '2020-01-10', validityYears: 5 })).toBe('2025-01-10');
    expect(
      passportExpiryDate({ ...child, dualCitizenship: false, issueDate: '2027-01-10', validityYears: 5 }),
    ).toBe('2032-01-10');
  });

  it('when the issue date is not a real date, then it is refused', () => {
    expect(() =>
      passportExpiryDate({
        issueDate: '2026-02-29',
        dateOfBirth: '1990-10-20',
        validityYears: 5,
        married: false,
      }),
    ).toThrow(RangeError);
  });
});

describe('passport numbers (DOMAIN.md "Passport number and MRZ")', () => {
  it('when a number is issued, then it is the series letter and 7 zero-padded digits', () => {
    expect(formatPassportNumber('A', 1)).toBe('A0000001');
    expect(formatPassportNumber('C', 9_999_999)).toBe('C9999999');
  });

  it.each([0, 10_000_000, 1.5, -1, Number.NaN])('when the sequence is %s, then it is refused', (sequence) => {
    expect(() => formatPassportNumber('A', sequence)).toThrow(RangeError);
  });

  it.each(['a', 'AB', '1', ''])('when the series is "%s", then it is refused', (series) => {
    expect(() => formatPassportNumber(series, 1)).toThrow(RangeError);
  });

  it('when a number is typed, then one or two letters and 6 to 8 digits are accepted', () => {
    expect(['A1234567', 'C123456', 'AB12345678', formatPassportNumber('X', 42)].every(isPassportNumber)).toBe(
      true,
    );
    expect(
      ['a1234567', 'A12345', 'ABC123456', 'A123456789', '12345678', 'A1234567 '].some(isPassportNumber),
    ).toBe(false);
  });
});
