// Reading WordprocessingML attributes without an XML parser: the value of an
// attribute in a start tag, and the `w:val` of the first such element in a
// fragment. Shared by the document, styles and numbering readers.
const patterns = new Map<string, RegExp>();

/** The value of attribute `name` in a start tag (`<w:jc w:val="center"/>`), or undefined. */
export function attr(tag: string | undefined, name: string): string | undefined {
  if (!tag) return undefined;
  let re = patterns.get(name);
  if (!re) patterns.set(name, (re = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`)));
  const m = re.exec(tag);
  return m ? (m[1] ?? m[2]) : undefined;
}

/** The `w:val` of the first `<tag …>` in `xml`, or undefined. */
export function tagVal(xml: string, tag: string): string | undefined {
  return attr(new RegExp(`<${tag}\\b[^>]*>`).exec(xml)?.[0], 'w:val');
}
