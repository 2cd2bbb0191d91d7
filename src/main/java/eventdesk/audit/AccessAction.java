package eventdesk.audit;

/** What an access log entry records. The names are part of the access log's API: never rename one. */
public enum AccessAction {
    SIGN_IN, SIGN_IN_FAILED,
    VIEW_ATTENDEES, VIEW_REGISTRATION, EXPORT, CHECK_IN, EDIT_REGISTRATION, EDIT_EVENT,
    SEND_MESSAGE, DRAW, MAKE_CODES,
    MEMBER_INVITED, MEMBER_CHANGED, MEMBER_DISABLED,
    TOKEN_CREATED, TOKEN_REVOKED,
    VIEW_AUDIT, ERASED
}
