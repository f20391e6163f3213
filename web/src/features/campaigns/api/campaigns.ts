import type { components } from '@/lib/api/generated/payout';
import { http } from '@/lib/http';
import type { Page } from '@/lib/page';

export type CampaignView = components['schemas']['CampaignView'];
export type CreateCampaignRequest = components['schemas']['CreateCampaignRequest'];

export const campaignKeys = { all: ['campaigns'] as const };

export async function listCampaigns(signal?: AbortSignal): Promise<CampaignView[]> {
  const items: CampaignView[] = [];
  let cursor: string | undefined;
  do {
    const page = await http.get<Page<CampaignView>>('/api/campaigns', { query: { cursor }, signal });
    items.push(...(page.items ?? []));
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return items;
}

export function createCampaign(request: CreateCampaignRequest): Promise<CampaignView> {
  return http.post<CampaignView>('/api/campaigns', request);
}
