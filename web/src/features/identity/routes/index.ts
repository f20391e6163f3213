export { AccountRoute } from './AccountRoute';
export { MyPodsRoute } from './MyPodsRoute';
export { PeopleRoute } from './PeopleRoute';
