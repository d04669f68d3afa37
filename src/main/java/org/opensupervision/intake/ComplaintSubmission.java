package org.opensupervision.intake;

/**
 * A complaint as a citizen submits it, through the JSON API or the public form. Everything arrives as text and is
 * checked by {@link ComplaintSubmissionValidator}, so every bad field gets its own message.
 */
public class ComplaintSubmission {

    private String departmentCode;
    private String category;
    private String title;
    private String description;
    private String approvalCaseNumber;
    private String incidentDate;
    private boolean anonymous;
    private Contact contact = new Contact();

    /** How to reach the complainant; ignored for an anonymous complaint. */
    public static class Contact {
        private String name;
        private String phone;
        private String email;

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }

        public String getPhone() {
            return phone;
        }

        public void setPhone(String phone) {
            this.phone = phone;
        }

        public String getEmail() {
            return email;
        }

        public void setEmail(String email) {
            this.email = email;
        }
    }

    public String getDepartmentCode() {
        return departmentCode;
    }

    public void setDepartmentCode(String departmentCode) {
        this.departmentCode = departmentCode;
    }

    public String getCategory() {
        return category;
    }

    public void setCategory(String category) {
        this.category = category;
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public String getApprovalCaseNumber() {
        return approvalCaseNumber;
    }

    public void setApprovalCaseNumber(String approvalCaseNumber) {
        this.approvalCaseNumber = approvalCaseNumber;
    }

    public String getIncidentDate() {
        return incidentDate;
    }

    public void setIncidentDate(String incidentDate) {
        this.incidentDate = incidentDate;
    }

    public boolean isAnonymous() {
        return anonymous;
    }

    public void setAnonymous(boolean anonymous) {
        this.anonymous = anonymous;
    }

    public Contact getContact() {
        return contact;
    }

    public void setContact(Contact contact) {
        this.contact = contact == null ? new Contact() : contact;
    }
}
