export { InvoiceRoute } from './InvoiceRoute';
export { InvoicesRoute } from './InvoicesRoute';
export { NewInvoiceRoute } from './NewInvoiceRoute';
