import PDFParser from 'pdf2json';

/**
 * The text of a PDF as a reader gets it (pdf2json, a pdf.js port: fonts decoded through their ToUnicode maps),
 * page breaks dropped, no-break spaces made plain and runs of spaces collapsed, so tests match words and phrases.
 */
export function pdfText(pdf: Buffer): Promise<string> {
  return new Promise((resolve, reject) => {
    const parser = new PDFParser(null, true);
    parser.on('pdfParser_dataError', (error) => reject(new Error(JSON.stringify(error))));
    parser.on('pdfParser_dataReady', () => {
      const text = parser
        .getRawTextContent()
        .replace(/-+Page \(\d+\) Break-+/g, '')
        .replace(/\u00a0/g, ' ')
        .replace(/[ \t]+/g, ' ');
      parser.destroy();
      resolve(text);
    });
    parser.parseBuffer(pdf, 0);
  });
}

/** The text as one line: line breaks become spaces (a phrase may wrap anywhere). */
export async function pdfFlatText(pdf: Buffer): Promise<string> {
  return (await pdfText(pdf)).replace(/\s+/g, ' ');
}
