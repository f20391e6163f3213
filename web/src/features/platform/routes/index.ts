export { SecurityReportsRoute } from './SecurityReportsRoute';
export { TenantsRoute } from './TenantsRoute';
