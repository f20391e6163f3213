import type { components as Ingest } from '@/lib/api/generated/gmail-ingest';
import type { components as Payout } from '@/lib/api/generated/payout';
import { browser } from '@/lib/browser';
import { http } from '@/lib/http';
import type { Page } from '@/lib/page';

export type MailboxView = Ingest['schemas']['MailboxView'];
export type CampaignView = Payout['schemas']['CampaignView'];

export const inboxKeys = {
  all: ['inbox'] as const,
  mailboxes: () => ['inbox', 'mailboxes'] as const,
  drafts: () => ['inbox', 'drafts'] as const,
};

export async function listMailboxes(signal?: AbortSignal): Promise<MailboxView[]> {
  const answer = await http.get<MailboxView[] | Page<MailboxView>>('/api/inbox', { signal });
  return Array.isArray(answer) ? answer : (answer.items ?? []);
}

/**
 * Starts the OAuth round trip: the service answers Google's consent URL (PKCE, read-only Gmail), the browser goes
 * there, and Google's redirect comes back through the service to `/app/inbox?connected=<mailbox id>`.
 */
export async function connectGmail(): Promise<void> {
  const { authorizationUrl } = await http.post<{ authorizationUrl: string }>('/api/inbox/connect');
  if (!authorizationUrl || !/^https?:\/\//.test(authorizationUrl)) throw new Error('no authorization URL');
  browser.assign(authorizationUrl);
}

export function syncMailbox(id: string): Promise<void> {
  return http.post<void>(`/api/inbox/${encodeURIComponent(id)}/sync`);
}

export function disconnectMailbox(id: string): Promise<void> {
  return http.delete<void>(`/api/inbox/${encodeURIComponent(id)}`);
}

/** Campaigns drafted from the inbox (not made by hand), with the cues that found them. */
export async function listDrafts(signal?: AbortSignal): Promise<CampaignView[]> {
  const page = await http.get<Page<CampaignView>>('/api/campaigns', { signal });
  return (page.items ?? []).filter((c) => c.source && c.source !== 'MANUAL');
}
