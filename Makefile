# Used by `sam build` (Metadata: BuildMethod: makefile in template.yaml): every function runs
# from the same shaded publisher jar, placed in lib/ where the Java runtime puts it on the
# class path.
PUBLISHER_JAR := functions/publisher/target/masthead-publisher.jar

build-PublishFunction build-UnpublishFunction build-FeedFunction build-BackfillFunction:
	mvn -B -q -DskipTests -pl functions/publisher -am package
	mkdir -p "$(ARTIFACTS_DIR)/lib"
	cp $(PUBLISHER_JAR) "$(ARTIFACTS_DIR)/lib/"
