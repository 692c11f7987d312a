//! The app's sections: one table for the navigation and the home page's doors.

/// One section of the app.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Section {
    pub path: &'static str,
    /// Its name in the navigation.
    pub nav: &'static str,
    pub icon: &'static str,
    /// Its door on the home page: the title and what it offers (none for home itself).
    pub door: Option<(&'static str, &'static str)>,
    /// Other sections of the app that belong to it in the navigation.
    pub also: &'static [&'static str],
    /// Whether it has a tab of its own; the others are reached from home and 更多.
    pub tab: bool,
}

impl Section {
    /// Whether the page at `path` belongs to this section, so its tab is marked current.
    pub fn is_current(&self, path: &str) -> bool {
        let within =
            |root: &str| path == root || path.strip_prefix(root).is_some_and(|rest| rest.starts_with('/'));
        if self.path == "/" {
            return path == "/";
        }
        within(self.path) || self.also.iter().any(|root| within(root))
    }
}

/// The sections, in the order the navigation and the home page show them.
pub const SECTIONS: [Section; 7] = [
    Section { path: "/", nav: "首页", icon: "home", door: None, also: &[], tab: true },
    Section {
        path: "/services",
        nav: "服务",
        icon: "services",
        door: Some(("服务清单", "25 项服务：权益保障、健康体检、法律援助、子女托管…")),
        also: &[],
        tab: true,
    },
    Section {
        path: "/courses",
        nav: "学堂",
        icon: "courses",
        door: Some(("酉新学堂", "线上微课、线下培训和技能竞赛")),
        also: &[],
        tab: true,
    },
    Section {
        path: "/stories",
        nav: "故事",
        icon: "stories",
        door: Some(("酉新向党", "身边的新就业群体奋斗故事")),
        also: &[],
        tab: false,
    },
    Section {
        path: "/stations",
        nav: "驿站",
        icon: "stations",
        door: Some(("酉新驿站", "58 个驿站和星空补给站：热水、充电、微波炉、药箱")),
        also: &[],
        tab: true,
    },
    Section {
        path: "/points",
        nav: "积分",
        icon: "points",
        door: Some(("积分兑换", "上报隐患、参加活动攒积分，换体检和培训")),
        also: &["/report", "/reports", "/campaigns", "/rewards", "/vouchers"],
        tab: true,
    },
    Section {
        path: "/more",
        nav: "更多",
        icon: "more",
        door: Some(("荣誉与参与", "荣誉榜、先锋骑士团、社区议事、活动报名，和这项行动的介绍")),
        also: &["/stories", "/honours", "/knights", "/voice", "/activities", "/about"],
        tab: true,
    },
];

/// The sections with a tab, in order.
pub fn tabs() -> impl Iterator<Item = &'static Section> {
    SECTIONS.iter().filter(|section| section.tab)
}

#[cfg(test)]
mod tests {

    use super::tabs;

    fn current(path: &str) -> Vec<&'static str> {
        tabs().filter(|s| s.is_current(path)).map(|s| s.nav).collect()
    }

    #[test]
    fn each_page_marks_one_tab() {
        assert_eq!(current("/"), ["首页"]);
        assert_eq!(current("/services"), ["服务"]);
        assert_eq!(current("/services/svc-01"), ["服务"]);
        assert_eq!(current("/rewards/rwd-1"), ["积分"]);
        assert_eq!(current("/vouchers"), ["积分"]);
        assert_eq!(current("/campaigns"), ["积分"]);
        assert_eq!(current("/report"), ["积分"]);
        assert_eq!(current("/reports"), ["积分"]);
        assert_eq!(current("/stories/sty-01"), ["更多"]);
        assert_eq!(current("/honours/hnr-01"), ["更多"]);
        assert_eq!(current("/activities"), ["更多"]);
        assert_eq!(current("/more"), ["更多"]);
        assert_eq!(current("/login"), Vec::<&str>::new());
        assert_eq!(current("/servicesx"), Vec::<&str>::new(), "a prefix is not a section");
    }
}
