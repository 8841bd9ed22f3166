/**
 * Bulk transfer files that Polish banks import: Elixir-O and a CSV list.
 *
 * ELIXIR-O (`renderElixirO`) — the record layout of KIR's Elixir domestic clearing messages, which the corporate
 * e-banking systems of most Polish banks import as "plik Elixir-O" (Alior/BPH call theirs PLI). One transfer per line,
 * lines ended by CRLF, fields separated by commas, text fields in double quotes, encoded in WINDOWS-1250.
 * Record 110 (polecenie przelewu), 16 fields, in this order:
 *    1 message type `110`                      9 beneficiary name|address (≤ 4 × 35 characters, lines split by `|`)
 *    2 execution date `YYYYMMDD`              10 `0` (unused)
 *    3 amount in grosze, digits only          11 beneficiary bank's sort code (NRB digits 3–10)
 *    4 ordering bank's sort code (NRB 3–10)   12 title (≤ 4 × 35, `|`)
 *    5 `0` (unused)                           13 `""` (unused)
 *    6 ordering account "NRB" (26 digits)     14 `""` (unused)
 *    7 beneficiary account "NRB"              15 classification `"51"` (an ordinary transfer)
 *    8 ordering party name|address (≤ 4 × 35) 16 `""` (reference for the client's bank: none)
 * Sources: the field order matches the Elixir-0 record as read by a public Spring Batch Elixir0 parser
 * (columns: paymentCode, paymentDate, amount, orderingPartySortCode, unused1, orderingPartyAccountNumber,
 * beneficiaryAccountNumber, orderingPartyNameAndAddress, beneficiaryNameAndAddress, unused2, beneficiarySortCode,
 * paymentDetails, unused3, unused4, transactionCode, clientBankInformation) and the commonly published bank
 * descriptions of the format (e.g. Alior/BPH "PLI … zgodny z formatem komunikatów w systemie ELIXIR"), whose
 * field tables could not be read here; KIR's own page names the normative text ("Specyfikacja techniczna nr 2
 * Zasady tworzenia i struktury (formaty) komunikatów"), which was not available here.
 * NOT verified: acceptance by a particular bank's import (some want the file without the last CRLF, ISO-8859-2 or
 * CP852 instead of Windows-1250, a fixed file extension, or their own rules for the unused fields and for
 * characters allowed in names), and the 15-digit limit of the amount field is our assumption. Before a centre
 * uses the file, import one small batch in its bank and compare.
 *
 * CSV (`renderTransferCsv`) — NOT a bank standard (each bank maps its own CSV columns): a plain list for
 * spreadsheets, checking and for banks whose import can map columns. UTF-8 with a BOM (so Excel reads Polish
 * letters), `;` as the separator, CRLF lines, one header row, amounts in złote with a DECIMAL COMMA and no
 * thousands separator ("1229,00"), dates YYYY-MM-DD, the account as 26 digits.
 *
 * Both refuse a batch that a bank would reject or misread, with a Polish message naming the row: a bad NRB
 * (26 digits, mod-97 check from `domain/nrb`), an amount that is not a positive number of grosze, a date that is
 * not a day, no rows at all, and (Elixir) a character Windows-1250 cannot encode.
 */
import iconv from 'iconv-lite';
import { isValidDate } from '../domain/calendar-date';
import { isGrosze } from '../domain/money';
import { checkNrb } from '../domain/nrb';
import { AppError } from '../errors/app-error';
import type { PayoutLine, TransferBatch } from './types';

const ELIXIR_ENCODING = 'win1250';
/** The amount field taken as at most 15 digits of grosze (assumed, see above; far above any benefit anyway). */
const MAX_ELIXIR_GROSZE = 999_999_999_999_999;

export function renderElixirO(batch: TransferBatch): Buffer {
  const { ordering, lines } = checkBatch(batch);
  const date = batch.payoutDate.replaceAll('-', '');
  const records = lines.map(({ line, account, row }) => {
    const fields = [
      '110',
      date,
      String(line.amountGrosze),
      ordering.slice(2, 10),
      '0',
      quote(ordering),
      quote(account),
      quote(lines35([batch.centreName, batch.centreAddress])),
      quote(lines35([line.name, line.address])),
      '0',
      account.slice(2, 10),
      quote(lines35(transferTitle(line))),
      '""',
      '""',
      '"51"',
      '""',
    ];
    const record = fields.join(',');
    if (iconv.decode(iconv.encode(record, ELIXIR_ENCODING), ELIXIR_ENCODING) !== record) {
      throw new AppError({
        code: 'validation',
        field: `lines[${row}]`,
        message: `${rowLabel(row, line)}: znaki spoza polskiego alfabetu łacińskiego (Windows-1250) w nazwisku, adresie lub tytule — popraw dane odbiorcy.`,
      });
    }
    return `${record}\r\n`;
  });
  return iconv.encode(records.join(''), ELIXIR_ENCODING);
}

export function renderTransferCsv(batch: TransferBatch): Buffer {
  const { lines } = checkBatch(batch);
  const header = ['Data', 'Rachunek odbiorcy', 'Odbiorca', 'Adres', 'Kwota', 'Tytuł'];
  const rows = lines.map(({ line, account }) => [
    batch.payoutDate,
    account,
    line.name,
    line.address,
    decimalComma(line.amountGrosze),
    transferTitle(line).join(' '),
  ]);
  const csv = [header, ...rows].map((row) => row.map(csvCell).join(';')).join('\r\n');
  return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(`${csv}\r\n`, 'utf8')]);
}

/** The title in two parts: "Świadczenie 2026-11 decyzja …" and "sprawa …" (Elixir starts a line with each). */
function transferTitle(line: PayoutLine): string[] {
  return [`Świadczenie ${line.month} decyzja ${line.decisionNumber}`, `sprawa ${line.caseNumber}`];
}

interface CheckedLine {
  line: PayoutLine;
  account: string;
  row: number;
}

function checkBatch(batch: TransferBatch): { ordering: string; lines: CheckedLine[] } {
  const ordering = checkNrb(batch.centreAccount ?? '');
  if (!ordering.valid)
    throw new AppError({
      code: 'validation',
      field: 'centreAccount',
      message: `Rachunek Ośrodka (zleceniodawcy): ${ordering.reason}.`,
    });
  if (!isValidDate(batch.payoutDate))
    throw new AppError({
      code: 'validation',
      field: 'payoutDate',
      message: 'Data wykonania przelewów musi mieć postać RRRR-MM-DD.',
    });
  if (batch.lines.length === 0)
    throw new AppError({
      code: 'validation',
      field: 'lines',
      message: 'Paczka przelewów nie zawiera żadnej pozycji.',
    });
  const lines = batch.lines.map((line, row) => {
    const account = checkNrb(line.account ?? '');
    if (!account.valid)
      throw new AppError({
        code: 'validation',
        field: `lines[${row}].account`,
        message: `${rowLabel(row, line)}: rachunek odbiorcy — ${account.reason}.`,
      });
    if (!isGrosze(line.amountGrosze) || line.amountGrosze <= 0 || line.amountGrosze > MAX_ELIXIR_GROSZE)
      throw new AppError({
        code: 'validation',
        field: `lines[${row}].amountGrosze`,
        message: `${rowLabel(row, line)}: kwota musi być dodatnią liczbą groszy.`,
      });
    return { line, account: account.nrb, row };
  });
  return { ordering: ordering.nrb, lines };
}

function rowLabel(row: number, line: PayoutLine): string {
  return `Pozycja ${row + 1} (${line.name || 'bez nazwiska'})`;
}

/**
 * Text for an Elixir field: each part starts a line, a part longer than 35 characters goes on in the next line,
 * at most 4 lines in all (the rest is dropped), joined by `|`. Inside a part a `|` or a line break would start a
 * line and a double quote would end the field: they become `/`, a space and an apostrophe.
 */
function lines35(parts: string[]): string {
  return parts
    .map((part) =>
      part
        .replace(/\|/g, '/')
        .replace(/[\r\n]+/g, ' ')
        .replace(/"/g, "'"),
    )
    .flatMap((part) => part.match(/.{1,35}/g) ?? [''])
    .slice(0, 4)
    .join('|');
}

function quote(text: string): string {
  return `"${text}"`;
}

/** 122900 → "1229,00": integer arithmetic, no float, no thousands separator. */
function decimalComma(grosze: number): string {
  return `${Math.trunc(grosze / 100)},${String(grosze % 100).padStart(2, '0')}`;
}

/**
 * A CSV cell: quoted when it holds `;`, a quote or a line break; a leading `=`, `+`, `@` or `-` (not a number)
 * gets an apostrophe so that a spreadsheet shows it as text rather than running it as a formula.
 */
function csvCell(value: string): string {
  const safe = /^([=+@\t\r]|-(?!\d))/.test(value) ? `'${value}` : value;
  return /[;"\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}
