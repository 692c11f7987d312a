//! Station facilities: the contract's codes and what workers call them.

/// (code, label, icon) for every facility the programme lists.
pub const FACILITIES: [(&str, &str, &str); 12] = [
    ("hot_water", "热水", "♨"),
    ("charging", "充电", "⚡"),
    ("microwave", "微波炉", "▣"),
    ("medicine_kit", "健康药箱", "✚"),
    ("seating", "休息座椅", "▭"),
    ("toilet", "卫生间", "⚲"),
    ("wifi", "无线网络", "◠"),
    ("umbrella", "爱心雨伞", "☂"),
    ("sewing_kit", "针线包", "✂"),
    ("air_conditioning", "空调", "❄"),
    ("fridge", "冰箱", "◫"),
    ("repair_kit", "维修工具", "⚒"),
];

/// The label of a facility code; an unknown code is shown as it came.
pub fn facility_label(code: &str) -> &str {
    FACILITIES.iter().find(|(c, _, _)| *c == code).map_or(code, |(_, label, _)| label)
}

pub fn facility_icon(code: &str) -> &'static str {
    FACILITIES.iter().find(|(c, _, _)| *c == code).map_or("•", |(_, _, icon)| icon)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_codes_have_chinese_labels_and_unknown_ones_pass_through() {
        assert_eq!(facility_label("microwave"), "微波炉");
        assert_eq!(facility_label("sauna"), "sauna");
        assert_eq!(facility_icon("sauna"), "•");
    }
}
