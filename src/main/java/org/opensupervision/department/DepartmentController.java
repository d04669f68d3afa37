package org.opensupervision.department;

import java.util.List;
import java.util.Locale;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Public list of departments, for the complaint form and other clients. */
@RestController
class DepartmentController {

    private final DepartmentDirectory directory;

    DepartmentController(DepartmentDirectory directory) {
        this.directory = directory;
    }

    @GetMapping("/api/departments")
    List<DepartmentView> departments(Locale locale) {
        return directory.all().stream()
                .map(d -> new DepartmentView(d.code(), d.nameZh(), d.nameEn(), d.name(locale)))
                .toList();
    }

    record DepartmentView(String code, String nameZh, String nameEn, String name) {
    }
}
