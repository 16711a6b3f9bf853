package se.kommun.moderation.cases.crisis.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.UUID;

/** A comment tagged with a crisis. */
@Entity
@Table(name = "crisis_comment")
@IdClass(CrisisCommentEntity.Key.class)
public class CrisisCommentEntity extends PanacheEntityBase {

    @Id
    @Column(name = "crisis_id")
    public UUID crisisId;

    @Id
    @Convert(disableConversion = true) // a key, never converted: ids are checked at the edge
    @Column(name = "comment_key")
    public String commentKey;

    public record Key(UUID crisisId, String commentKey) implements Serializable {
    }
}
