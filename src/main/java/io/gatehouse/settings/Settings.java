package io.gatehouse.settings;

import io.gatehouse.cluster.FeedFreshness.FeedResumed;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.enterprise.inject.Default;
import io.gatehouse.cluster.Replayed;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The current settings, read from memory on every request and from the database only at start
 * and on change. {@link #update} validates the whole change before storing any of it.
 */
@ApplicationScoped
public class Settings {

    @PersistenceContext(unitName = "gatehouse")
    private EntityManager em;

    private final Map<String, String> current = new ConcurrentHashMap<>();

    @PostConstruct
    void load() {
        reload();
    }

    /** Synchronized with {@link #apply}: a reload that read before a local change committed cannot land after it. */
    public synchronized void reload() {
        Map<String, String> fresh = new LinkedHashMap<>();
        SettingsCatalog.all().values().forEach(d -> fresh.put(d.name(), d.defaultValue()));
        for (Setting stored : em.createQuery("select s from Setting s", Setting.class).getResultList()) {
            if (SettingsCatalog.all().containsKey(stored.getName())) {
                fresh.put(stored.getName(), stored.getValue());
            }
        }
        current.putAll(fresh);
    }

    public int intValue(String name) {
        return Integer.parseInt(current.get(name));
    }

    public boolean flag(String name) {
        return Boolean.parseBoolean(current.get(name));
    }

    /** Name to typed value, in catalog order. */
    public Map<String, Object> snapshot() {
        Map<String, Object> out = new LinkedHashMap<>();
        for (SettingDefinition d : SettingsCatalog.all().values()) {
            String value = current.get(d.name());
            out.put(d.name(), d.kind() == SettingDefinition.Kind.BOOLEAN ? Boolean.valueOf(value) : Long.valueOf(value));
        }
        return out;
    }

    @Inject
    Event<SettingsChanged> changed;

    /** Stores already validated, canonical values; they take effect when the transaction commits. */
    @Transactional
    public void update(Map<String, String> canonicalValues) {
        canonicalValues.forEach((name, value) -> {
            Setting stored = em.find(Setting.class, name);
            if (stored == null) {
                em.persist(new Setting(name, value));
            } else {
                stored.setValue(value);
            }
        });
        em.flush();
        changed.fire(new SettingsChanged(Map.copyOf(canonicalValues)));
    }

    synchronized void apply(@Observes(during = TransactionPhase.AFTER_SUCCESS) @Default SettingsChanged change) {
        current.putAll(change.values());
    }

    /** Another node's change: read them all, so that changes arriving out of order still end current. */
    void reload(@Observes @Replayed SettingsChanged change) {
        reload();
    }

    /** Settings that were stored, by name. */
    public record SettingsChanged(Map<String, String> values) {
    }

    /** This node missed changes for a while (docs/cluster.md): read them all again. */
    void startOver(@Observes FeedResumed resumed) {
        reload();
    }
}
