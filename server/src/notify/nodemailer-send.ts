import { createTransport } from 'nodemailer';
import type { EmailSend } from './senders.ts';

/**
 * E-mail over SMTP with nodemailer (Node only). `starttls` (default) insists on an upgrade to TLS,
 * `tls` speaks TLS from the start, `none` is for a trusted relay on the same host or network.
 */
export const nodemailerSend: EmailSend = async (channel, payload, password) => {
  const security = channel.smtpSecurity ?? 'starttls';
  const transport = createTransport({
    host: channel.smtpHost,
    port: channel.smtpPort ?? (security === 'tls' ? 465 : 587),
    secure: security === 'tls',
    requireTLS: security === 'starttls',
    ignoreTLS: security === 'none',
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 20_000,
    ...(channel.smtpUser && { auth: { user: channel.smtpUser, pass: password ?? '' } }),
  });
  try {
    await transport.sendMail({
      from: channel.from,
      to: channel.to,
      subject: payload.subject,
      text: payload.body,
    });
  } finally {
    transport.close();
  }
};
