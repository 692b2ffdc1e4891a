const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;
const PRINTABLE = /^[\t\n\r\x20-\x7e\u00a0-\uffff]*$/;

/**
 * The text a base64 string encodes, or undefined when it is not base64 of printable UTF-8 (most
 * strings that merely look like base64, such as hex keys or plain words, decode to binary).
 */
export function decodeBase64Text(value: string): string | undefined {
  const compact = value.replace(/\s+/g, '');
  if (compact.length < 8 || compact.length % 4 !== 0 || !BASE64.test(compact)) return undefined;
  const text = Buffer.from(compact, 'base64').toString('utf8');
  if (text.includes('\ufffd') || !PRINTABLE.test(text)) return undefined;
  return text;
}
