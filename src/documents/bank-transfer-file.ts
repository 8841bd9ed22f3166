import iconv from 'iconv-lite';
import { checkNrb } from '../domain/nrb';
import { AppError } from '../errors/app-error';
import type { PayoutBatchDocument } from './payout-types';

/**
 * Bulk transfer files that Polish banks import.
 *
 * Elixir-O (KIR's domestic transfer format, accepted by most Polish banks' corporate systems for import): one record
 * per line, CRLF, fields separated by commas, text fields in double quotes, Windows-1250. Record type 110
 * (polecenie przelewu) with: type, execution date YYYYMMDD, amount in grosze (no separators), the ordering bank's
 * sort code (8 digits, from the NRB), 0, ordering account, beneficiary account, ordering party name|address,
 * beneficiary name|address (up to 4 lines of 35 characters joined by `|`), 0, beneficiary bank sort code, title
 * (up to 4×35, `|`), "", "", classification "51" (a regular transfer), "" (reference). Written from the commonly
 * published description of the format; field-by-field acceptance by a specific bank is not verified here.
 *
 * CSV: for banks and spreadsheets that take a plain list — UTF-8 with BOM, `;` separators, amounts with a decimal
 * comma (zł), one header row.
 */
export function renderElixirO(batch: PayoutBatchDocument): Buffer {
  const ordering = account(batch.centreAccount, 'centreAccount');
  const date = batch.payoutDate.replaceAll('-', '');
  const lines = batch.lines.map((line, index) => {
    const beneficiary = account(line.account ?? '', `lines[${index}].account`);
    return [
      '110',
      date,
      String(line.amountGrosze),
      ordering.slice(2, 10),
      '0',
      quote(ordering),
      quote(beneficiary),
      quote(split35(`${batch.centreName}|${batch.centreAddress}`)),
      quote(split35(`${line.name}|${line.address}`)),
      '0',
      beneficiary.slice(2, 10),
      quote(split35(`Świadczenie ${line.month} decyzja ${line.decisionNumber}|sprawa ${line.caseNumber}`)),
      '""',
      '""',
      '"51"',
      '""',
    ].join(',');
  });
  return iconv.encode(lines.map((line) => `${line}\r\n`).join(''), 'win1250');
}

export function renderTransferCsv(batch: PayoutBatchDocument): Buffer {
  const header = ['Data', 'Rachunek odbiorcy', 'Odbiorca', 'Adres', 'Kwota', 'Tytuł'];
  const rows = batch.lines.map((line, index) => [
    batch.payoutDate,
    account(line.account ?? '', `lines[${index}].account`),
    line.name,
    line.address,
    (line.amountGrosze / 100).toFixed(2).replace('.', ','),
    `Świadczenie ${line.month} decyzja ${line.decisionNumber} sprawa ${line.caseNumber}`,
  ]);
  const csv = [header, ...rows].map((row) => row.map(csvCell).join(';')).join('\r\n');
  return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(`${csv}\r\n`, 'utf8')]);
}

function account(value: string, field: string): string {
  const check = checkNrb(value);
  if (!check.valid)
    throw new AppError({ code: 'validation', field, message: `Rachunek (${field}): ${check.reason}` });
  return check.nrb;
}

/** Text in Elixir fields: no quotes or commas inside, at most 4 lines of 35 characters. */
function split35(text: string): string {
  return text
    .replace(/["]/g, "'")
    .split('|')
    .flatMap((part) => part.match(/.{1,35}/g) ?? [''])
    .slice(0, 4)
    .join('|');
}

function quote(text: string): string {
  return `"${text}"`;
}

function csvCell(value: string): string {
  return /[;"\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}
