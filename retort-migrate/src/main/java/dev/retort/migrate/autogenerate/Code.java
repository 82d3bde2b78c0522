package dev.retort.migrate.autogenerate;

import dev.retort.dialect.DdlCompiler;

import java.util.List;

/** What steps write code with: the file's imports and the writers of types, columns and tables. */
final class Code {
    final Imports imports;
    final TypeCode types;
    final ColumnCode columns;
    final TableCode tables;

    Code(Imports imports, DdlCompiler ddl) {
        this.imports = imports;
        this.types = new TypeCode(imports);
        this.columns = new ColumnCode(imports, ddl);
        this.tables = new TableCode(imports, columns);
    }

    String str(String s) {
        return JavaCode.str(s);
    }

    String list(List<String> values) {
        return JavaCode.listOf(values, imports);
    }
}
