/**
 * The waitlist of freed seats (issue 15), beside applicant-messages.ts, which merges them into the
 * applicant catalogue. The offer holds a seat for only 30 minutes, so the texts say plainly what happens
 * when it runs out or is declined.
 */
export const waitlistId = {
  'consent.title': 'Persetujuan pemilik NIK',
  'consent.intro':
    'NIK ini milik orang dewasa lain. Permohonan baru dapat dikirim setelah ia menyetujui: kode dikirim ke kontak miliknya yang terverifikasi (akun M-Paspor-nya atau nomor yang tercatat di Dukcapil), lalu masukkan kode dari dia di sini.',
  'consent.send': 'Kirim kode ke pemilik NIK',
  'consent.sent': 'Kode dikirim ke {destination}. Berlaku 15 menit.',
  'consent.code': 'Kode persetujuan (6 angka)',
  'consent.confirm': 'Konfirmasi persetujuan',
  'consent.given': 'Pemilik NIK sudah menyetujui permohonan ini.',
  'waitlist.join.title': 'Tidak ada jadwal yang cocok? Masuk daftar tunggu',
  'waitlist.join.intro':
    'Jika ada yang membatalkan jadwalnya, kursinya ditawarkan kepada yang menunggu, urut sesuai waktu masuk. Kami kabari lewat e-mail dan SMS; kursi ditahan untuk Anda selama 30 menit.',
  'waitlist.join.from': 'Dari tanggal',
  'waitlist.join.to': 'Sampai tanggal',
  'waitlist.join.radius': 'Kantor yang bisa Anda datangi',
  'waitlist.join.submit': 'Masuk daftar tunggu',
  'waitlist.radius.office': 'Hanya kantor ini',
  'waitlist.radius.km': 'Kantor ini dan kantor lain dalam {km} km',
  'waitlist.title': 'Daftar tunggu',
  'waitlist.position': 'Anda di daftar tunggu, urutan ke-{n}',
  'waitlist.refresh': 'Halaman ini diperbarui sendiri; kami juga mengabari lewat e-mail dan SMS.',
  'waitlist.where': 'Kantor',
  'waitlist.where.radius': '{office} dan kantor lain dalam {km} km ({n} kantor)',
  'waitlist.dates': 'Tanggal',
  'waitlist.dateRange': '{from} sampai {to}',
  'waitlist.behind':
    'Karena Anda tidak datang pada jadwal dalam 6 bulan terakhir, Anda ditempatkan di belakang pemohon lain yang menunggu.',
  'waitlist.leave': 'Keluar dari daftar tunggu',
  'waitlist.leave.question': 'Yakin keluar? Urutan Anda hilang; jika masuk lagi, Anda mulai dari belakang.',
  'waitlist.leave.yes': 'Ya, keluar',
  'waitlist.offer.title': 'Ada kursi untuk Anda!',
  'waitlist.offer.intro':
    'Seseorang membatalkan jadwalnya. Terima untuk mengirim permohonan dan membuat kode billing, lalu bayar dalam 2 jam.',
  'waitlist.offer.heldUntil': 'Ditahan untuk Anda sampai {time}',
  'waitlist.offer.left': 'Sisa waktu',
  'waitlist.offer.over': 'Waktu tahan habis; kursi ini diberikan kepada orang berikutnya.',
  'waitlist.offer.accept': 'Terima dan buat kode billing',
  'waitlist.offer.decline': 'Tolak kursi ini',
  'waitlist.offer.decline.question':
    'Yakin menolak? Kursi ini diberikan kepada orang berikutnya dan Anda keluar dari daftar tunggu.',
  'waitlist.offer.decline.yes': 'Ya, tolak',
  'waitlist.ended.LAPSED':
    'Waktu tahan kursi yang ditawarkan kepada Anda habis, jadi kursinya diberikan kepada orang berikutnya.',
  'waitlist.ended.DECLINED':
    'Anda menolak kursi yang ditawarkan; kursinya diberikan kepada orang berikutnya.',
  'waitlist.ended.LEFT': 'Anda sudah keluar dari daftar tunggu.',
  'waitlist.again': 'Pilih jadwal atau masuk daftar tunggu lagi',
} as const;

export type WaitlistMessageKey = keyof typeof waitlistId;

export const waitlistEn: Record<WaitlistMessageKey, string> = {
  'waitlist.join.title': 'No suitable time? Join the waitlist',
  'waitlist.join.intro':
    'When someone cancels, their seat is offered to those waiting, in the order they joined. We tell you by e-mail and SMS; the seat is held for you for 30 minutes.',
  'waitlist.join.from': 'From',
  'waitlist.join.to': 'Until',
  'waitlist.join.radius': 'Offices you can go to',
  'waitlist.join.submit': 'Join the waitlist',
  'waitlist.radius.office': 'This office only',
  'waitlist.radius.km': 'This office and others within {km} km',
  'waitlist.title': 'Waitlist',
  'waitlist.position': 'You are on the waitlist, number {n}',
  'waitlist.refresh': 'This page updates by itself; we also tell you by e-mail and SMS.',
  'waitlist.where': 'Office',
  'waitlist.where.radius': '{office} and others within {km} km ({n} offices)',
  'waitlist.dates': 'Dates',
  'waitlist.dateRange': '{from} to {to}',
  'waitlist.behind':
    'Because you missed an appointment in the past 6 months, you are placed behind the other applicants waiting.',
  'waitlist.leave': 'Leave the waitlist',
  'waitlist.leave.question': 'Leave for sure? You lose your place; if you join again, you start at the back.',
  'waitlist.leave.yes': 'Yes, leave',
  'waitlist.offer.title': 'A seat for you!',
  'waitlist.offer.intro':
    'Someone cancelled their appointment. Accept to submit your application and get a billing code, then pay within 2 hours.',
  'waitlist.offer.heldUntil': 'Held for you until {time}',
  'waitlist.offer.left': 'Time left',
  'waitlist.offer.over': 'The hold has run out; this seat goes to the next person.',
  'waitlist.offer.accept': 'Accept and get the billing code',
  'waitlist.offer.decline': 'Decline this seat',
  'waitlist.offer.decline.question':
    'Decline for sure? The seat goes to the next person and you leave the waitlist.',
  'waitlist.offer.decline.yes': 'Yes, decline',
  'waitlist.ended.LAPSED': 'The seat offered to you was not accepted in time, so it went to the next person.',
  'waitlist.ended.DECLINED': 'You declined the seat offered; it went to the next person.',
  'waitlist.ended.LEFT': 'You have left the waitlist.',
  'consent.title': 'Consent of the NIK holder',
  'consent.intro':
    'This NIK belongs to another adult. The application can be submitted once they consent: a code goes to their own verified contact (their M-Paspor account or the number Dukcapil holds); enter the code they give you here.',
  'consent.send': 'Send a code to the NIK holder',
  'consent.sent': 'The code was sent to {destination}. Valid for 15 minutes.',
  'consent.code': 'Consent code (6 digits)',
  'consent.confirm': 'Confirm the consent',
  'consent.given': 'The NIK holder has consented to this application.',
  'waitlist.again': 'Pick a time or join the waitlist again',
};
