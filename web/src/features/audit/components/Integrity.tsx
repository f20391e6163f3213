import { useId, useState, type ChangeEvent } from 'react';
import { ActionStatus, Button, fieldErrors } from '@/components';
import { useAction } from '@/lib/action';
import { saveFile } from '@/lib/http';
import { useMe } from '@/lib/session';
import { fetchDigests, parseDigestsFile, verifyAgainst, verifyChain, type ChainResult, type DailyDigest } from '../api/audit';
import { ChainResultView } from './ChainResultView';

/** Verify the hash chain, download the signed daily digests, and verify against digests kept outside. */
export function Integrity() {
  const me = useMe();
  const fileId = useId();
  const fileErrorId = useId();
  const [result, setResult] = useState<{ result: ChainResult; against?: number } | null>(null);
  const [held, setHeld] = useState<DailyDigest[] | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);

  const verify = useAction(verifyChain, {
    success: (r) => (r.ok ? 'Verified: the chain is intact.' : 'Verified: the chain is broken.'),
    onSuccess: (r) => setResult({ result: r }),
  });
  const download = useAction(async () => {
    const digests = await fetchDigests();
    const day = new Date().toISOString().slice(0, 10);
    saveFile(new Blob([JSON.stringify({ digests }, null, 2)], { type: 'application/json' }),
      `claraop-audit-digests-${me.tenantId ?? 'tenant'}-${day}.json`);
    return digests.length;
  }, { success: (n) => n === 0 ? 'No day is sealed yet: the file holds no digest. Try again tomorrow.'
    : `Downloaded ${n} signed digest${n === 1 ? '' : 's'}. Keep the file somewhere outside ClaraOP.` });
  const against = useAction((digests: DailyDigest[]) => verifyAgainst(digests), {
    success: (r) => (r.ok ? 'Verified against your digests: they agree.' : 'Verified against your digests: the chain does not match.'),
    onSuccess: (r, digests) => setResult({ result: r, against: digests.length }),
  });

  const choose = async (event: ChangeEvent<HTMLInputElement>) => {
    setHeld(null);
    setFileError(null);
    const file = event.target.files?.[0];
    if (!file) return;
    try {
      setHeld(parseDigestsFile(await file.text()));
    } catch (error) {
      setFileError(error instanceof Error ? error.message : 'The file could not be read.');
    }
  };
  const serverFileError = fieldErrors(against.error)('digests');
  const shownFileError = fileError ?? serverFileError;

  return (
    <>
      <h3>Verify the chain</h3>
      <p className="muted">Recomputes every entry's hash and link. An entry edited, removed or reordered breaks the chain.</p>
      <Button variant="primary" busy={verify.pending} busyLabel="Verifying…" onClick={() => verify.run(undefined)}>Verify chain</Button>
      <ActionStatus action={verify} working="Verifying the chain…" />
      {result ? <ChainResultView result={result.result} against={result.against} /> : null}

      <h3>Signed daily digests</h3>
      <p className="muted">
        Each day of the log is sealed by a signed digest. Download them and keep them outside ClaraOP: checked against your
        copy, even a log rewritten wholesale in our database is caught.
      </p>
      <Button busy={download.pending} busyLabel="Downloading…" onClick={() => download.run(undefined)}>Download digests</Button>
      <ActionStatus action={download} working="Preparing the digests file…" />

      <h3>Verify against digests you kept</h3>
      <div className={shownFileError ? 'field field-invalid' : 'field'}>
        <label htmlFor={fileId}>Digests file</label>
        <input id={fileId} type="file" accept="application/json,.json" onChange={(e) => void choose(e)}
          aria-invalid={shownFileError ? true : undefined} aria-describedby={shownFileError ? fileErrorId : undefined} />
        {shownFileError ? <p id={fileErrorId} className="field-error">{shownFileError}</p> : null}
        {held ? <p className="field-hint">{held.length} digest{held.length === 1 ? '' : 's'} in the file.</p> : null}
      </div>
      <Button variant="primary" disabled={!held} busy={against.pending} busyLabel="Verifying…"
        onClick={() => held && against.run(held)}>
        Verify against this file
      </Button>
      <ActionStatus action={against} working="Verifying against your digests…" />
    </>
  );
}
