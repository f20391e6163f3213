export { CampaignsRoute } from './CampaignsRoute';
