import { describe, expect, it } from 'vitest';
import { lineCountOf, transactionsIn } from './batches';

describe('an exported bank file', () => {
  it('counts a pain.001’s payments from its NbOfTxs', () => {
    const xml = '<Document xmlns="urn:iso:std:iso:20022:tech:xsd:pain.001.001.09"><CstmrCdtTrfInitn><GrpHdr>'
      + '<MsgId>m</MsgId><NbOfTxs>2</NbOfTxs><CtrlSum>2750.00</CtrlSum></GrpHdr></CstmrCdtTrfInitn></Document>';
    expect(transactionsIn(xml, 'PAIN_001')).toBe(2);
  });

  it('counts a CSV’s payments as its rows after the header', () => {
    expect(transactionsIn('creator,amount\nCleo,1650.00\nCody,1100.00\n', 'CSV')).toBe(2);
  });
});

describe('a batch’s line count', () => {
  it('is the server’s count when it gives one, even with no line inline', () => {
    expect(lineCountOf({ lineCount: 10_000 })).toBe(10_000);
    expect(lineCountOf({ lines: [{}, {}] })).toBe(2);
  });
});
