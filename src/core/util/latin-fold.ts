// Text folded to plain Latin letters for comparing names and making slugs: accents
// are dropped by Unicode decomposition, and the letters that have none (ø, æ, ł, ß, …)
// are spelled as their writers spell them in an e-mail address or a login, so
// `Jørgen Ødegård` meets `jorgen.odegard@…` and `Łukasz` keeps its first letter.
const NO_DECOMPOSITION: Readonly<Record<string, string>> = {
  ø: 'o', Ø: 'O', æ: 'ae', Æ: 'AE', œ: 'oe', Œ: 'OE', ß: 'ss', ẞ: 'SS', ł: 'l', Ł: 'L', đ: 'd', Đ: 'D',
  ð: 'd', Ð: 'D', þ: 'th', Þ: 'TH', ı: 'i', ħ: 'h', Ħ: 'H', ŧ: 't', Ŧ: 'T', ŀ: 'l', Ŀ: 'L', ĸ: 'k',
};
const UNDECOMPOSED = new RegExp(`[${Object.keys(NO_DECOMPOSITION).join('')}]`, 'g');

export function latinFold(text: string): string {
  return text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(UNDECOMPOSED, (letter) => NO_DECOMPOSITION[letter] ?? letter);
}
