package io.gatehouse.it;

import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;

import java.io.File;

/** The WAR exactly as {@code mvn package} built it, deployed at the context root "/". */
public final class Deployments {

    private Deployments() {
    }

    public static WebArchive builtWar() {
        ServerLog.capture();
        File war = new File(System.getProperty("gatehouse.war", "target/gatehouse.war"));
        // Payara Micro and WildFly deploy ROOT.war at "/", where every vendor path must be.
        return ShrinkWrap.create(ZipImporter.class, "ROOT.war").importFrom(war).as(WebArchive.class);
    }
}
