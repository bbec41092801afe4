package io.gatehouse.account;

import io.gatehouse.config.GatehouseConfig;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;

import java.util.Optional;
import java.util.logging.Logger;

/** On an empty database, creates the admin named by GATEHOUSE_ADMIN_EMAIL and _PASSWORD; nothing else. */
@Startup
@Singleton
@DependsOn("SchemaMigration")
public class BootstrapAdmin {

    private static final Logger LOG = Logger.getLogger(BootstrapAdmin.class.getName());

    @Inject
    AccountService accounts;

    @PostConstruct
    void createFirstAdmin() {
        Optional<String> email = GatehouseConfig.get("GATEHOUSE_ADMIN_EMAIL");
        Optional<String> password = GatehouseConfig.get("GATEHOUSE_ADMIN_PASSWORD");
        if (accounts.count() > 0) {
            return;
        }
        if (email.isEmpty() || password.isEmpty()) {
            LOG.warning("No users yet: set GATEHOUSE_ADMIN_EMAIL and GATEHOUSE_ADMIN_PASSWORD to create the first admin");
            return;
        }
        accounts.create(new AccountService.UserFields(email.get(), password.get(), "Administrator",
                User.ROLE_ADMIN, null, null, null));
        LOG.info("Created the bootstrap admin " + Emails.normalize(email.get()));
    }
}
