package eventdesk.team;

/** INVITED: the invitation is out, no password yet; ACTIVE: may sign in; DISABLED: may not, its sessions ended. */
public enum AccountStatus {
    INVITED, ACTIVE, DISABLED
}
