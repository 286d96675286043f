using CrmGovernance.Core.Features.Configuration.Model;
using static CrmGovernance.Core.Features.FirstRun.DemoConfiguration;

namespace CrmGovernance.Core.Features.FirstRun;

/// <summary>The demo systems' field catalogs: the columns of their tables (data/demo, DemoDatabases) and the website's form fields.</summary>
internal sealed partial class DemoConfigurationBuilder
{
    public void Fields()
    {
        var contact = StandardObjects.Contact;
        Field(Website, contact, "email", FieldType.Email, required: true);
        Field(Website, contact, "first_name", FieldType.Text);
        Field(Website, contact, "last_name", FieldType.Text);
        Field(Website, contact, "phone", FieldType.Text);
        Field(Website, contact, "message", FieldType.Text);
        Field(Website, contact, "submitted_at", FieldType.Text);
        Field(Crm, contact, "email", FieldType.Email, required: true);
        Field(Crm, contact, "first_name", FieldType.Text);
        Field(Crm, contact, "last_name", FieldType.Text, required: true);
        Field(Crm, contact, "phone", FieldType.Phone);
        // A column from the days of fax machines: still in the catalog, filled by nobody (the first assessment says so).
        Field(Crm, contact, "fax", FieldType.Phone);
        Field(Crm, contact, "lifecycle_stage", FieldType.Picklist, values: ["subscriber", "lead", "customer", "churned"]);
        Field(Crm, contact, "customer_status", FieldType.Picklist, values: ["prospect", "active", "refunded"]);
        Field(Crm, contact, "last_form_at", FieldType.DateTime);
        Field(Crm, contact, "company_id", FieldType.Reference, reference: StandardObjects.Company);
        Field(Shop, contact, "email", FieldType.Email, required: true);
        Field(Shop, contact, "first_name", FieldType.Text);
        Field(Shop, contact, "last_name", FieldType.Text);
        Field(Shop, contact, "phone", FieldType.Text);
        Field(Marketing, contact, "email", FieldType.Email, required: true);
        Field(Marketing, contact, "first_name", FieldType.Text);
        Field(Marketing, contact, "marketing_suppressed", FieldType.Boolean);
        var company = StandardObjects.Company;
        Field(Crm, company, "name", FieldType.Text, required: true);
        Field(Crm, company, "domain", FieldType.Text);
        Field(Crm, company, "industry", FieldType.Text);
        // People typed UK, GB, England or Scotland where the catalog allows two values.
        Field(Crm, company, "country", FieldType.Picklist, values: ["United Kingdom", "Ireland"]);
        Field(Crm, company, "employees", FieldType.Number);
        var order = StandardObjects.Order;
        Field(Shop, order, "order_id", FieldType.Text, required: true);
        Field(Shop, order, "customer_email", FieldType.Email, required: true);
        Field(Shop, order, "status", FieldType.Text);
        Field(Shop, order, "total", FieldType.Money);
        Field(Crm, order, "external_id", FieldType.Text, required: true);
        Field(Crm, order, "contact_email", FieldType.Email, required: true);
        Field(Crm, order, "status", FieldType.Picklist, values: ["paid", "shipped", "refunded", "other"]);
        Field(Crm, order, "amount", FieldType.Money);
        var opportunity = StandardObjects.Opportunity;
        Field(Crm, opportunity, "reference", FieldType.Text, required: true);
        Field(Crm, opportunity, "name", FieldType.Text, required: true);
        Field(Crm, opportunity, "contact_email", FieldType.Email);
        Field(Crm, opportunity, "stage", FieldType.Picklist, values: ["open", "won", "closed_lost"]);
        Field(Crm, opportunity, "amount", FieldType.Money);
        Field(Marketing, opportunity, "crm_reference", FieldType.Text, required: true);
        Field(Marketing, opportunity, "contact_email", FieldType.Email, required: true);
        Field(Marketing, opportunity, "stage", FieldType.Text);
    }
}
