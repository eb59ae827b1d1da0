// A company's name guessed from its mail domain: the registrable label, the one just before the
// public suffix (https://publicsuffix.org/ — only the common second-level suffixes are listed here,
// not the whole list): acme-corp.com → "Acme Corp", careers.acme.co.uk → "Acme".

// Second-level suffixes under which companies register (co.uk, com.au, …).
const TWO_PART_SUFFIXES: ReadonlySet<string> = new Set([
  'co.uk', 'org.uk', 'ac.uk', 'gov.uk', 'ltd.uk', 'plc.uk', 'me.uk',
  'com.au', 'net.au', 'org.au', 'edu.au', 'gov.au',
  'co.nz', 'org.nz', 'net.nz',
  'co.jp', 'ne.jp', 'or.jp', 'ac.jp',
  'com.br', 'net.br', 'org.br',
  'co.in', 'net.in', 'org.in', 'firm.in', 'gen.in', 'ind.in',
  'co.za', 'org.za',
  'co.kr', 'or.kr',
  'co.il', 'org.il',
  'co.id', 'co.th', 'co.ke',
  'com.mx', 'com.ar', 'com.co', 'com.pe', 'com.cn', 'com.hk', 'com.sg', 'com.my', 'com.ph',
  'com.tw', 'com.tr', 'com.ua', 'com.pl', 'com.es', 'com.pt', 'com.vn', 'com.eg', 'com.sa', 'com.ng',
]);

/** The label a company registered: "careers.acme.co.uk" → "acme"; "" for an empty domain. */
export function registrableLabel(domain: string): string {
  const labels = domain.toLowerCase().replace(/\.+$/, '').split('.').filter((label) => label !== '');
  if (labels.length <= 1) return labels[0] ?? '';
  const lastTwo = labels.slice(-2).join('.');
  const suffixLength = TWO_PART_SUFFIXES.has(lastTwo) && labels.length > 2 ? 2 : 1;
  return labels[labels.length - 1 - suffixLength] ?? '';
}

/** "acme-corp.com" → "Acme Corp". */
export function companyFromDomain(domain: string): string {
  return registrableLabel(domain)
    .split(/[-_]+/)
    .filter((word) => word !== '')
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join(' ');
}
