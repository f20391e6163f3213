export { ErasuresRoute } from './ErasuresRoute';
export { RunsRoute } from './RunsRoute';
