export { BankDetailsRoute } from './BankDetailsRoute';
export { PayoutProfilesRoute } from './PayoutProfilesRoute';
