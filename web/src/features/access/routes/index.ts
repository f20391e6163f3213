export { AccessRoute } from './AccessRoute';
