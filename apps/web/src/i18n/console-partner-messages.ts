/**
 * The console's payment-partner panel (issue 15: payment outages), beside console-messages.ts, which
 * merges them into the console catalogue.
 */
export const consolePartnersId = {
  'console.partners.title': 'Mitra pembayaran',
  'console.partners.intro':
    'Bila SIMPONI atau semua kanal terganggu, pembayaran dibekukan: tidak ada billing yang kedaluwarsa, dan saat pulih batas bayar yang jatuh di dalamnya diperpanjang sepanjang gangguan.',
  'console.partners.frozen': 'Pembayaran dibekukan sejak',
  'console.partners.notFrozen': 'Pembayaran berjalan normal.',
  'console.partners.partner': 'Mitra',
  'console.partners.state': 'Keadaan',
  'console.partners.up': 'Normal',
  'console.partners.down': 'Terganggu sejak',
  'console.partners.declaredBy': 'Dinyatakan oleh',
  'console.partners.automatic': 'otomatis (panggilan gagal berturut-turut)',
  'console.partners.reason': 'Alasan',
  'console.partners.declareDown': 'Nyatakan terganggu',
  'console.partners.declareUp': 'Nyatakan pulih',
  'console.partners.hqOnly': 'Hanya Admin Pusat yang dapat mengubah keadaan mitra.',
  'console.partners.extended': 'Permohonan yang batas bayarnya diperpanjang:',
} as const;

export type ConsolePartnerMessageKey = keyof typeof consolePartnersId;

export const consolePartnersEn: Record<ConsolePartnerMessageKey, string> = {
  'console.partners.title': 'Payment partners',
  'console.partners.intro':
    'When SIMPONI or every channel is down, payment is frozen: no billing expires, and on recovery the deadlines that fell inside it move by the outage’s length.',
  'console.partners.frozen': 'Payment frozen since',
  'console.partners.notFrozen': 'Payment works normally.',
  'console.partners.partner': 'Partner',
  'console.partners.state': 'State',
  'console.partners.up': 'Working',
  'console.partners.down': 'Down since',
  'console.partners.declaredBy': 'Declared by',
  'console.partners.automatic': 'automatically (failed calls in a row)',
  'console.partners.reason': 'Reason',
  'console.partners.declareDown': 'Declare down',
  'console.partners.declareUp': 'Declare recovered',
  'console.partners.hqOnly': 'Only HQ administrators can change a partner’s state.',
  'console.partners.extended': 'Applications whose payment deadline was extended:',
};
