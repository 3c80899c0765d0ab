import type { FastifyReply } from 'fastify';
import { paymentChannelLabels, paymentChannels } from '#shared/contracts/payments.ts';
import type { SimPayReceipt, SimponiLedgerEntry } from './sim-simponi.ts';

/** The simulated channels' page for people: Bahasa Indonesia, escaped, no script. */

/** HTML whose interpolations are escaped unless they are Html themselves. */
class Html {
  readonly text: string;
  constructor(text: string) {
    this.text = text;
  }
}

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

function printable(value: unknown): string {
  if (value instanceof Html) return value.text;
  if (Array.isArray(value)) return value.map(printable).join('');
  return String(value ?? '').replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

function html(strings: TemplateStringsArray, ...values: unknown[]): Html {
  return new Html(strings.reduce((out, part, i) => out + printable(values[i - 1]) + part));
}

const rupiah = new Intl.NumberFormat('id-ID', {
  style: 'currency',
  currency: 'IDR',
  maximumFractionDigits: 0,
});
const wibFormat = new Intl.DateTimeFormat('id-ID', {
  timeZone: 'Asia/Jakarta',
  dateStyle: 'long',
  timeStyle: 'short',
});
const wib = (at: Date) => `${wibFormat.format(at)} WIB`;

const STATE_LABELS = {
  UNPAID: 'Belum dibayar',
  PAID: 'Sudah dibayar',
  EXPIRED: 'Kedaluwarsa',
  VOIDED: 'Dibatalkan (permohonan batal atau kedaluwarsa): jangan dibayar',
} as const;
const STYLE = `body{font:16px/1.5 system-ui,sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem;color:#1a1a1a}
dl{display:grid;grid-template-columns:max-content 1fr;gap:.25rem 1rem}dt{font-weight:600}dd{margin:0}
fieldset{border:1px solid #999;padding:1rem}button{font:inherit;padding:.5rem 1rem;margin:.25rem;cursor:pointer}
button:focus-visible,a:focus-visible,input:focus-visible{outline:3px solid #0b57d0;outline-offset:2px}
.note{background:#fff4ce;padding:.5rem 1rem}[role=alert]{color:#a4262c;font-weight:600}`;

export function sendPage(reply: FastifyReply, status: number, content: Html): FastifyReply {
  const page = html`<!doctype html>
    <html lang="id">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>Simulasi SIMPONI – Pembayaran PNBP</title>
        <style>
          ${new Html(STYLE)}
        </style>
      </head>
      <body>
        <main>
          <h1>Simulasi pembayaran SIMPONI</h1>
          <p class="note">
            Halaman ini hanya ada dalam mode simulasi: tidak ada uang sungguhan yang berpindah.
          </p>
          ${content}
        </main>
      </body>
    </html>`;
  return reply
    .code(status)
    .type('text/html; charset=utf-8')
    .header('cache-control', 'no-store')
    .header(
      'content-security-policy',
      "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
    )
    .send(page.text);
}

function details(rows: readonly (readonly [string, string])[]): Html {
  return html`<dl>
    ${rows.map(
      ([term, value]) =>
        html`<dt>${term}</dt>
          <dd>${value}</dd>`,
    )}
  </dl>`;
}

export function lookupPage(invalid: boolean): Html {
  return html`<h2>Cari kode billing</h2>
    ${invalid ? html`<p role="alert">Kode billing terdiri dari 15 angka.</p>` : ''}
    <form method="get" action="pay">
      <label for="code">Kode billing (15 angka)</label>
      <input
        id="code"
        name="code"
        inputmode="numeric"
        pattern="[0-9]{15}"
        maxlength="15"
        required
        autocomplete="off"
      />
      <button type="submit">Tampilkan tagihan</button>
    </form>`;
}

export function billingPage(entry: SimponiLedgerEntry): Html {
  const bill = details([
    ['Kode billing', entry.billingCode],
    ['Uraian', entry.description],
    ['Jumlah', rupiah.format(entry.amount)],
    ['Batas waktu pembayaran', wib(entry.expiresAt)],
    ['Nama wajib bayar', entry.payerName],
    ['Status', STATE_LABELS[entry.state]],
    ...(entry.payment ? ([['NTPN', entry.payment.ntpn]] as const) : []),
  ]);
  return html`<h2>Tagihan PNBP</h2>
    ${bill}${entry.state === 'UNPAID' ? channelForm(entry.billingCode) : ''}
    ${entry.state === 'VOIDED' ? html`<p role="alert">Kode billing ini sudah dibatalkan. Jangan dibayar.</p>` : ''}
    <p><a href="/">Kembali ke M-Paspor</a></p>`;
}

function channelForm(code: string): Html {
  const buttons = paymentChannels.map(
    (channel) =>
      html`<button type="submit" name="channel" value="${channel}">
        ${paymentChannelLabels[channel].id}
      </button>`,
  );
  return html`<form method="post" action="pay-form">
    <input type="hidden" name="code" value="${code}" />
    <fieldset>
      <legend>Bayar melalui</legend>
      ${buttons}
    </fieldset>
  </form>`;
}

export function receiptPage(
  code: string,
  channel: (typeof paymentChannels)[number],
  receipt: SimPayReceipt,
): Html {
  const rows = details([
    ['Kode billing', code],
    ['Kanal', paymentChannelLabels[channel].id],
    ['NTPN', receipt.ntpn],
    ['NTB', receipt.ntb],
    ['Waktu bayar', wib(receipt.paidAt)],
  ]);
  return html`<h2>Pembayaran berhasil</h2>
    <p role="status">Simpan NTPN ini sebagai bukti pembayaran.</p>
    ${rows}
    <p><a href="/">Kembali ke M-Paspor</a></p>`;
}

export function errorPage(message: string, code?: string): Html {
  const back = code ? html`<p><a href="pay?code=${code}">Lihat tagihan</a></p>` : '';
  return html`<h2>Pembayaran tidak dapat diproses</h2>
    <p role="alert">${message}</p>
    ${back}
    <p><a href="/">Kembali ke M-Paspor</a></p>`;
}
