package dev.retort.orm.mapping;

import dev.retort.schema.Column;
import dev.retort.schema.ColumnOptions;
import dev.retort.schema.ColumnOption;
import dev.retort.schema.Table;
import dev.retort.types.SqlType;

/**
 * The association table of a many-to-many relationship, seen from one side: the column holding
 * this side's key and the column holding the other side's. Both form the primary key, and each
 * is a foreign key to its entity's key with ON DELETE CASCADE (so a row deleted by a bulk statement,
 * or from the side that does not map the relationship, takes its association rows along).
 *
 * @param table the association table (in no MetaData; a Registry lists it)
 * @param ownerColumn the column holding the key of the relationship's owner
 * @param targetColumn the column holding the key of the related object
 */
public record Association(Table table, Column<?> ownerColumn, Column<?> targetColumn) {

    /** @return the same table seen from the other side */
    public Association reversed() {
        return new Association(table, targetColumn, ownerColumn);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    static Association build(Relationship r, String tableName, String joinColumn, String inverseJoinColumn) {
        EntityMapping<?> owner = EntityMapping.of(r.owner());
        EntityMapping<?> target = r.target();
        if (owner.idColumns().size() != 1 || target.idColumns().size() != 1) {
            throw new dev.retort.orm.MappingException(r.owner(), "field " + r.name() + " is @ManyToMany, but "
                    + (owner.idColumns().size() != 1 ? r.owner().getSimpleName() : r.targetType().getSimpleName())
                    + " has a composite key; association tables need single-column keys");
        }
        Column ownerKey = owner.idColumns().get(0).column();
        Column targetKey = target.idColumns().get(0).column();
        String name = tableName.isEmpty() ? owner.table().name() + "_" + target.table().name() : tableName;
        String ownerCol = joinColumn.isEmpty() ? owner.table().name() + "_id" : joinColumn;
        String targetCol = inverseJoinColumn.isEmpty() ? target.table().name() + "_id" : inverseJoinColumn;
        if (ownerCol.equals(targetCol)) {
            throw new dev.retort.orm.MappingException(r.owner(), "field " + r.name() + " is @ManyToMany with both association "
                    + "columns named " + ownerCol + " (an entity related to itself); name them with joinColumn and inverseJoinColumn");
        }
        Table t = Table.builder(name)
                .column(ownerCol, (SqlType) ownerKey.type(), ColumnOptions.PRIMARY_KEY, ColumnOptions.NO_AUTOINCREMENT,
                        (ColumnOption) ColumnOptions.references(ownerKey, dev.retort.schema.ReferentialAction.CASCADE))
                .column(targetCol, (SqlType) targetKey.type(), ColumnOptions.PRIMARY_KEY, ColumnOptions.NO_AUTOINCREMENT,
                        (ColumnOption) ColumnOptions.references(targetKey, dev.retort.schema.ReferentialAction.CASCADE))
                .build();
        return new Association(t, t.column(ownerCol), t.column(targetCol));
    }
}
