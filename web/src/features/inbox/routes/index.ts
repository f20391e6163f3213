export { InboxRoute } from './InboxRoute';
