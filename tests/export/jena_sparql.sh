#!/usr/bin/env bash
# Loads an N-Triples file into Apache Jena TDB2 (Debian's libapache-jena-java)
# and runs one SPARQL query on it, printing the result as TSV.
#   jena_sparql.sh WORKDIR FILE.nt QUERY.rq
# Debian's Jena 4.5 has no launcher scripts, so this builds the class path:
#  - the jars Jena needs, by name, with one SLF4J binding (slf4j-simple):
#    '/usr/share/java/*' holds several that conflict;
#  - jena-core's relocated Xerces keeps its message bundles under
#    org/apache/jena/ext/xerces/ but looks them up under xerces/ (messages and
#    regex): they are copied, re-rooted, into WORKDIR/bundles (else XSD datatypes fail with
#    "internal error").
set -euo pipefail
work=$1 data=$2 query=$3
mkdir -p "$work/bundles"
(cd "$work/bundles" && rm -rf org xerces \
   && unzip -qo /usr/share/java/jena-core.jar 'org/apache/jena/ext/xerces/*.properties' \
   && mv org/apache/jena/ext/xerces xerces && rm -rf org)
cp="$work/bundles"
for jar in jena-base jena-core jena-arq jena-iri jena-tdb jena-tdb2 jena-dboe-base \
    jena-dboe-index jena-dboe-storage jena-dboe-trans-data jena-dboe-transaction jena-cmds \
    jena-rdfconnection slf4j-api slf4j-simple commons-lang3 commons-io commons-codec \
    commons-compress commons-csv commons-cli dexx.collection jackson-core jackson-databind \
    jackson-annotations gson guava thrift protobuf jsonld-java httpclient httpcore \
    titanium-json-ld jakarta.json-api; do
  cp="$cp:/usr/share/java/$jar.jar"
done
rm -rf "$work/tdb"
java -cp "$cp" tdb2.tdbloader --loc "$work/tdb" "$data" >&2
java -cp "$cp" tdb2.tdbquery --loc "$work/tdb" --results=TSV --query "$query"
