package eventdesk.registration;

public enum Role {
    FOUNDER, DEVELOPER, INVESTOR, STUDENT, OTHER
}
