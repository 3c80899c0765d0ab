/**
 * The quota release waiting room's texts (issue 14), beside applicant-messages.ts, which merges them
 * into the applicant catalogue. Plain words: many applicants meet a queue like this for the first time.
 */
export const releaseId = {
  'release.title': 'Antrean pembukaan kuota',
  'release.intro':
    'Kuota kantor ini dibuka pukul {time}. Masuk antrean sekarang: saat kuota dibuka, urutan antrean diundi secara acak, jadi masuk lebih awal tidak lebih menguntungkan.',
  'release.countdown': 'Kuota dibuka dalam',
  'release.seats': 'Kuota yang dibuka: {n} kursi',
  'release.join': 'Masuk antrean',
  'release.joined': 'Anda sudah masuk antrean.',
  'release.state.WAITING_FOR_DRAW': 'Anda sudah dalam antrean. Urutan diundi saat kuota dibuka.',
  'release.state.QUEUED': 'Anda dalam antrean. Tunggu giliran Anda; halaman ini diperbarui sendiri.',
  'release.state.ADMITTED': 'Giliran Anda! Pilih jadwal dan kirim permohonan sebelum waktu habis.',
  'release.state.BOOKED': 'Jadwal Anda sudah dipesan.',
  'release.state.EXPIRED': 'Waktu giliran Anda habis sebelum jadwal dipesan.',
  'release.state.SOLD_OUT': 'Kuota habis. Silakan pilih kantor lain atau tanggal lain.',
  'release.state.CLOSED': 'Antrean sudah selesai. Jadwal kini terbuka untuk semua.',
  'release.position': 'Nomor urut Anda',
  'release.ahead': 'Orang di depan Anda',
  'release.wait': 'Perkiraan waktu tunggu',
  'release.wait.seconds': '{n} detik',
  'release.wait.minutes': '{n} menit',
  'release.seatsLeft': 'Kursi tersisa',
  'release.announce': 'Nomor urut {position}, {ahead} orang di depan Anda.',
  'release.admissionLeft': 'Sisa waktu untuk memesan',
  'release.seedHash': 'Sidik undian (SHA-256)',
  'release.fairness': 'Bagaimana undian ini adil?',
  'release.fairnessText':
    'Saat antrean dibuka, benih undian dikunci dengan sidik di atas. Setelah undian, benihnya diumumkan, sehingga siapa pun dapat menghitung ulang urutan dan memastikan tidak ada yang didahulukan.',
  'release.record': 'Lihat catatan undian',
  'release.otherDates': 'Lihat tanggal lain',
  'release.upcoming': 'Kuota berikutnya dibuka {time}; antreannya dibuka pukul {opens}.',
} as const;

export type ReleaseMessageKey = keyof typeof releaseId;

export const releaseEn: Record<ReleaseMessageKey, string> = {
  'release.title': 'Quota release queue',
  'release.intro':
    'This office releases its quota at {time}. Join the queue now: when the quota opens, the order is drawn at random, so joining early gives no advantage.',
  'release.countdown': 'Quota opens in',
  'release.seats': 'Quota released: {n} seats',
  'release.join': 'Join the queue',
  'release.joined': 'You have joined the queue.',
  'release.state.WAITING_FOR_DRAW': 'You are in the queue. The order is drawn when the quota opens.',
  'release.state.QUEUED': 'You are in the queue. Wait for your turn; this page updates by itself.',
  'release.state.ADMITTED': 'It is your turn! Choose a time and submit before the time runs out.',
  'release.state.BOOKED': 'Your appointment is booked.',
  'release.state.EXPIRED': 'Your turn ran out before a time was booked.',
  'release.state.SOLD_OUT': 'Sold out. Please choose another office or another date.',
  'release.state.CLOSED': 'The queue has ended. Booking is now open to everyone.',
  'release.position': 'Your place',
  'release.ahead': 'People ahead of you',
  'release.wait': 'Estimated wait',
  'release.wait.seconds': '{n} seconds',
  'release.wait.minutes': '{n} minutes',
  'release.seatsLeft': 'Seats left',
  'release.announce': 'Place {position}, {ahead} people ahead of you.',
  'release.admissionLeft': 'Time left to book',
  'release.seedHash': 'Draw fingerprint (SHA-256)',
  'release.fairness': 'How is the draw fair?',
  'release.fairnessText':
    'When the queue opened, the draw’s seed was locked in with the fingerprint above. After the draw the seed is published, so anyone can recompute the order and check that nobody was put first.',
  'release.record': 'See the draw record',
  'release.otherDates': 'See other dates',
  'release.upcoming': 'The next quota opens on {time}; its queue opens at {opens}.',
};
