import type { ProofOfDelivery } from '../api/invoices';

/** Proofs of delivery as links (they open outside the console). */
export function ProofLinks({ proofs }: { proofs: ProofOfDelivery[] | undefined }) {
  if (!proofs || proofs.length === 0) return <span className="muted">None</span>;
  return (
    <ul className="proofs">
      {proofs.map((proof, i) => (
        <li key={`${proof.url}-${i}`}>
          {proof.url?.startsWith('https://') ? (
            <a href={proof.url} target="_blank" rel="noopener noreferrer">
              Proof {i + 1}: {hostOf(proof.url)}<span className="visually-hidden"> (opens in a new tab)</span>
            </a>
          ) : <span>Proof {i + 1}: {proof.url}</span>}
          {proof.deliveredOn ? <span className="muted"> delivered {proof.deliveredOn}</span> : null}
        </li>
      ))}
    </ul>
  );
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}
