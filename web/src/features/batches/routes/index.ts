export { BatchesRoute } from './BatchesRoute';
export { BatchRoute } from './BatchRoute';
export { MyPayoutsRoute } from './MyPayoutsRoute';
