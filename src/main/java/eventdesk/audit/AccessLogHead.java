package eventdesk.audit;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;

/**
 * The end and the start of the access log's chain, in one row that every append locks: the last
 * entry's id and hash (the next entry links to them), and the anchor, the id and hash of the last
 * entry deleted after the retention period (zeros before any), to which the first kept entry links.
 */
@Entity
public class AccessLogHead extends PanacheEntityBase {

    static final int ID = 1;

    @Id
    public Integer id;
    public long lastId;
    public String lastHash;
    public long anchorId;
    public String anchorHash;

    /** The head, locked until the transaction ends: appends and purges run one after another. */
    static AccessLogHead locked() {
        return getEntityManager().find(AccessLogHead.class, ID, LockModeType.PESSIMISTIC_WRITE);
    }

    static AccessLogHead read() {
        return findById(ID);
    }
}
