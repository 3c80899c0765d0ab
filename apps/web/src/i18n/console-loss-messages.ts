/**
 * The console's lost/damaged passport card (issue 16: BAP, the head of office's decision, the fine),
 * beside console-messages.ts, which merges them into the console catalogue.
 */
export const consoleLossId = {
  'console.loss.title': 'Paspor hilang/rusak',
  'console.loss.intro':
    'Catat berita acara pemeriksaan (BAP), lalu kepala kantor memutuskan. Biaya beban ditagih setelah keputusan terbit, kecuali keadaan kahar.',
  'console.loss.circumstances': 'Keterangan kejadian',
  'console.loss.occurredOn': 'Tanggal kejadian',
  'console.loss.place': 'Tempat kejadian',
  'console.loss.policeReport': 'Nomor surat keterangan hilang (kepolisian)',
  'console.loss.forceMajeureClaimed': 'Pemohon menyatakan keadaan kahar (bencana)',
  'console.loss.record': 'Simpan BAP',
  'console.loss.recorded': 'BAP dicatat oleh {name}',
  'console.loss.decision': 'Keputusan kepala kantor',
  'console.loss.ISSUE': 'Terbitkan paspor pengganti',
  'console.loss.DEFER': 'Tangguhkan (kehilangan berulang)',
  'console.loss.REFUSE': 'Tolak',
  'console.loss.reason': 'Alasan keputusan',
  'console.loss.forceMajeureConfirmed': 'Keadaan kahar dikonfirmasi dari surat instansi (tanpa biaya beban)',
  'console.loss.deferredUntil': 'Ditangguhkan sampai',
  'console.loss.decide': 'Simpan keputusan',
  'console.loss.decided': 'Keputusan: {decision}',
  'console.loss.fine': 'Biaya beban {amount}, kode billing {code}',
  'console.loss.finePaid': 'Dibayar, NTPN {ntpn}',
  'console.loss.fineUnpaid': 'Belum dibayar: berkas belum dapat diterima.',
  'console.loss.noFine': 'Tanpa biaya beban.',
  'console.loss.headOnly': 'Keputusan diambil oleh kepala kantor (peran Admin Kantor).',
} as const;

export type ConsoleLossMessageKey = keyof typeof consoleLossId;

export const consoleLossEn: Record<ConsoleLossMessageKey, string> = {
  'console.loss.title': 'Lost/damaged passport',
  'console.loss.intro':
    'Record the examination report (BAP); then the head of office decides. The fine is billed after a decision to issue, unless force majeure.',
  'console.loss.circumstances': 'What happened',
  'console.loss.occurredOn': 'Date it happened',
  'console.loss.place': 'Where it happened',
  'console.loss.policeReport': 'Police loss report number',
  'console.loss.forceMajeureClaimed': 'The applicant claims force majeure (disaster)',
  'console.loss.record': 'Save the report',
  'console.loss.recorded': 'Report recorded by {name}',
  'console.loss.decision': 'Head of office’s decision',
  'console.loss.ISSUE': 'Issue the replacement',
  'console.loss.DEFER': 'Defer (repeated loss)',
  'console.loss.REFUSE': 'Refuse',
  'console.loss.reason': 'Reason for the decision',
  'console.loss.forceMajeureConfirmed': 'Force majeure confirmed from the authority’s letter (no fine)',
  'console.loss.deferredUntil': 'Deferred until',
  'console.loss.decide': 'Save the decision',
  'console.loss.decided': 'Decision: {decision}',
  'console.loss.fine': 'Fine {amount}, billing code {code}',
  'console.loss.finePaid': 'Paid, NTPN {ntpn}',
  'console.loss.fineUnpaid': 'Not paid yet: the documents cannot be accepted.',
  'console.loss.noFine': 'No fine.',
  'console.loss.headOnly': 'The head of office decides (Office administrator role).',
};
