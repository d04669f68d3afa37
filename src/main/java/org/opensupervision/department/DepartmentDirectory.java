package org.opensupervision.department;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** The provincial departments, read once at start-up from the reference file. */
@Component
public class DepartmentDirectory {

    private static final Logger log = LoggerFactory.getLogger(DepartmentDirectory.class);

    private final Map<String, Department> byCode;

    DepartmentDirectory(@Value("${supervision.departments.location:classpath:reference/departments.yml}") Resource file) {
        this.byCode = load(file);
        log.info("Loaded {} departments from {}", byCode.size(), file.getDescription());
    }

    /** All departments, in the order of the reference file. */
    public Collection<Department> all() {
        return byCode.values();
    }

    /** The department with this code, if there is one. */
    public Optional<Department> find(String code) {
        return code == null ? Optional.empty() : Optional.ofNullable(byCode.get(code));
    }

    /** The department with this code; fails if there is none (use where the code was validated before). */
    public Department get(String code) {
        return find(code).orElseThrow(() -> new IllegalArgumentException("Unknown department code: " + code));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Department> load(Resource file) {
        try (InputStream in = file.getInputStream()) {
            Map<String, Object> root = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
            List<Map<String, Object>> entries = (List<Map<String, Object>>) root.get("departments");
            Map<String, Department> result = new LinkedHashMap<>();
            List<String> problems = new ArrayList<>();
            for (Map<String, Object> e : entries) {
                Department d = new Department(str(e, "code"), str(e, "nameZh"), str(e, "nameEn"),
                        str(e, "notificationAddress"), str(e, "headAddress"), str(e, "handlingGroup"));
                if (d.code() == null || d.nameZh() == null || d.nameEn() == null || d.handlingGroup() == null) {
                    problems.add("entry " + e + " lacks code, nameZh, nameEn or handlingGroup");
                } else if (result.put(d.code(), d) != null) {
                    problems.add("code " + d.code() + " appears twice");
                }
            }
            if (!problems.isEmpty()) {
                throw new IllegalStateException("Invalid department file " + file.getDescription() + ": " + problems);
            }
            return result;
        } catch (IOException ex) {
            throw new IllegalStateException("Cannot read the department file " + file.getDescription(), ex);
        }
    }

    private static String str(Map<String, Object> entry, String key) {
        Object value = entry.get(key);
        return value == null ? null : value.toString();
    }
}
