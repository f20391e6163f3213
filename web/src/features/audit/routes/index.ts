export { AuditRoute } from './AuditRoute';
