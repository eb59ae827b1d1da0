/** Jane answers in the demo's Acme confirmation thread, the morning after the interview. */
export const JANE_REPLY = [
  'From: Jane Smith <jane.smith@acme.example>',
  'To: Alex Doe <alex.doe@example.com>',
  'Subject: Re: Your interview with Acme on Monday',
  'Date: Tue, 24 Nov 2026 09:10:00 -0500',
  'Message-ID: <jane-after@acme.example>',
  'In-Reply-To: <conf-2@example.com>',
  'References: <conf-1@acme.example> <conf-2@example.com>',
  '',
  'Thanks for coming in yesterday, Alex. We will be in touch soon.',
  '',
].join('\r\n');
