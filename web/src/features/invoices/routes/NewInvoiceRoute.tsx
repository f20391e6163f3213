import { Link, useNavigate } from 'react-router';
import { PageHeading, Section } from '@/components';
import { SubmitInvoiceForm } from '../components/SubmitInvoiceForm';

export function NewInvoiceRoute() {
  const navigate = useNavigate();
  return (
    <>
      <p><Link to="/invoices">← My invoices</Link></p>
      <PageHeading>Submit an invoice</PageHeading>
      <Section title="Invoice">
        <SubmitInvoiceForm onSubmitted={(invoice) =>
          navigate(`/invoices/${encodeURIComponent(invoice.id ?? '')}`, { state: { submitted: true } })} />
      </Section>
    </>
  );
}
